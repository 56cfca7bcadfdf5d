"""Wagtail's Elasticsearch/OpenSearch backends with Ukrainian and English analysis and facet fields.

modelsearch's backends analyse every text field with the standard analyser and put every locale in
one index. This subclass keeps their indexing and rebuilds (aliases, so rebuilds cause no downtime)
and changes two things:

- every text field is analysed with the Ukrainian morphological analyser, and gets an English
  stemmed sub-field (``.en``) and a case- and accent-folded sub-field (``.folded``, for typos);
- every page document carries ``facet_*`` keyword fields from ``search.facets``, so one request can
  filter and count by type, category, region and year.

Settings: ``"BACKEND": "search.backends"`` with ``"CLIENT"`` naming the modelsearch backend module
(``opensearch3``, ``opensearch2``, ``elasticsearch8``, ``elasticsearch9``). ``UKRAINIAN_ANALYZER``
(default ``ukrainian``, from the analysis-ukrainian plugin) and ``FOLDING_FILTER`` (default
``icu_folding``, from analysis-icu) name what a cluster without those plugins uses instead.
"""

from functools import lru_cache
from importlib import import_module

from modelsearch.utils import deep_update

from .facets import FACET_FIELDS, facet_document

FOLDED_ANALYZER = "depository_folded"
ENGLISH_ANALYZER = "depository_english"


def analysis_settings(folding_filter):
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "depository_english_stemmer": {"type": "stemmer", "language": "english"},
                    "depository_english_possessive": {"type": "stemmer", "language": "possessive_english"},
                },
                "analyzer": {
                    FOLDED_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", folding_filter],
                    },
                    ENGLISH_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "depository_english_possessive",
                            "lowercase",
                            folding_filter,
                            "depository_english_stemmer",
                        ],
                    },
                },
            }
        }
    }


@lru_cache
def bilingual_backend_class(client, ukrainian_analyzer):
    base_class = import_module("modelsearch.backends." + client).SearchBackend
    text_field = {
        "analyzer": ukrainian_analyzer,
        "fields": {
            "en": {"type": "text", "analyzer": ENGLISH_ANALYZER},
            "folded": {"type": "text", "analyzer": FOLDED_ANALYZER},
        },
    }

    class BilingualMapping(base_class.mapping_class):
        def get_mapping(self):
            mapping = super().get_mapping()
            for field in mapping["properties"].values():
                if field["type"] == "text" and "analyzer" not in field:
                    field.update(text_field)
            mapping["properties"].update(FACET_FIELDS)
            return mapping

        def get_document(self, obj):
            return {**super().get_document(obj), **facet_document(obj)}

    class BilingualSearchBackend(base_class):
        mapping_class = BilingualMapping

    # The query compiler and the index build their mappings from the backend's mapping class.
    for name in ("query_compiler_class", "autocomplete_query_compiler_class"):
        compiler = getattr(base_class, name)
        setattr(BilingualSearchBackend, name, type(compiler.__name__, (compiler,), {"mapping_class": BilingualMapping}))
    return BilingualSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    params = dict(params)
    client = params.pop("CLIENT", "opensearch3")
    ukrainian_analyzer = params.pop("UKRAINIAN_ANALYZER", "ukrainian")
    folding_filter = params.pop("FOLDING_FILTER", "icu_folding")
    backend = bilingual_backend_class(client, ukrainian_analyzer)(params)
    # Our analysis goes over modelsearch's (edge n-grams for autocomplete), not instead of it.
    backend.settings = deep_update(backend.settings, analysis_settings(folding_filter))
    return backend
