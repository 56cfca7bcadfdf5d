"""The site's one search service.

The search page, ``/api/v2/search/``, ``/api/v2/search/suggest/`` and the pages API's ``search=``
all call this module, so they agree. It turns the visitor's words into a query plan (the words,
their lemmas and transliterations, synonym alternatives), asks the search engine in one request for
hits and facet counts, and answers from the database backend when the engine fails.

After a failure the engine is left alone for ``ENGINE_RETRY_SECONDS`` (visitors should not each
wait for a timeout) and then tried again, so search returns to it by itself.
"""

import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.index import SearchField
from wagtail.search.utils import normalise_query_string

from depository.bad_input import WHOLE_NUMBER, InvalidParameter

from .facets import FACETS, facet_entries, page_facets
from .models import Synonym
from .query import clean_query
from .spelling import vocabulary
from .text import CYRILLIC, highlight, query_variants, transliterated, word_forms, word_variants, words

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 20
MAX_PAGE = 500
ENGINE_RETRY_SECONDS = 30
MAX_QUERY_VARIANTS = 8
# The database backends have no aggregations: facets count this many best matches.
DATABASE_FACET_WINDOW = 200
# Words that carry no meaning for a database backend's OR query (the engine's analysers drop them).
STOPWORDS = frozenset("і й та у в на з із до для про по що як а the a an of in on for and to".split())
# "2<75%": queries of one or two words need every word; longer ones three words in four.
MINIMUM_SHOULD_MATCH = "2<75%"
# One typo in words of five to seven letters, two in longer words; short words must be exact.
FUZZINESS = "AUTO:5,8"

FILTER_PATTERNS = {
    "type": re.compile(r"^[a-z_]+\.[a-z_]+$"),
    "category": re.compile(r"^[a-z0-9-]{1,80}(/[a-z0-9-]{1,80})?$"),
    "region": re.compile(r"^UA-[0-9]{2}$"),
    "year": re.compile(r"^[0-9]{4}$"),
}


class InvalidSearchRequest(InvalidParameter):
    """A filter or page number that cannot be understood; ``field`` says which one."""


@dataclass
class Hit:
    page: Page
    highlight: str


@dataclass
class SearchResult:
    query: str
    count: int = 0
    items: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    facets: dict = field(default_factory=lambda: {name: [] for name in FACETS})
    engine: str = ""
    page_number: int = 1
    per_page: int = RESULTS_PER_PAGE

    @property
    def start_index(self):
        return (self.page_number - 1) * self.per_page + 1

    @property
    def num_pages(self):
        return max(1, -(-self.count // self.per_page))


@dataclass
class QueryPlan:
    """What to look for: the visitor's words and the texts that may stand for them."""

    text: str
    words: list
    variants: list

    @property
    def highlight_words(self):
        return list(dict.fromkeys(word for variant in self.variants for word in words(variant)))

    def database_query(self, language_code=None):
        """One OR query for database backends: every form of every word, and of its likely spellings."""
        known = vocabulary(language_code) if language_code else None
        terms = {}
        for word in self.highlight_words:
            if word in STOPWORDS:
                continue
            for spelling in [word, *(known.corrections(word) if known else [])]:
                terms.update(dict.fromkeys(query_variants(spelling)))
        return " ".join(terms)


def plan_query(text):
    text = clean_query(text)
    query_words = words(text)
    variants = dict.fromkeys([text] if text else [])
    for alternative in synonym_alternatives(query_words):
        variants[alternative] = None
    if any(CYRILLIC.search(word) for word in query_words):
        # Latin pages name Ukrainian places in the national transliteration of their dictionary form.
        variants[" ".join(transliterated(word_forms(word)[0]) or word for word in query_words)] = None
    return QueryPlan(text=text, words=query_words, variants=list(variants)[:MAX_QUERY_VARIANTS])


def synonym_alternatives(query_words):
    """The query with each synonym term it contains replaced by the other terms of its group."""
    query_forms = [set(word_variants(word)) for word in query_words]
    for group in Synonym.groups():
        for term in group:
            term_forms = [set(word_variants(word)) for word in words(term)]
            for start in range(len(query_words) - len(term_forms) + 1):
                if all(term_forms[i] & query_forms[start + i] for i in range(len(term_forms))):
                    before, after = query_words[:start], query_words[start + len(term_forms) :]
                    for other in group:
                        if other != term:
                            yield " ".join([*before, *words(other), *after])


def parse_filters(params):
    """Facet filters and the page number from request parameters; ``InvalidSearchRequest`` if malformed."""
    filters = {}
    for name, pattern in FILTER_PATTERNS.items():
        value = (params.get(name) or "").strip()
        if not value:
            continue
        if name == "type":
            value = value.lower()
        if not pattern.match(value):
            raise InvalidSearchRequest(
                name, _("“%(value)s” is not a valid value for %(name)s.") % {"value": value, "name": name}
            )
        filters[name] = int(value) if name == "year" else value
    if "type" in filters and filters["type"] not in {model._meta.label_lower for model in get_page_models()}:
        raise InvalidSearchRequest("type", _("There is no content type “%(value)s”.") % {"value": filters["type"]})
    page = (params.get("page") or "1").strip()
    if not WHOLE_NUMBER.fullmatch(page) or not 1 <= int(page) <= MAX_PAGE:
        raise InvalidSearchRequest("page", _("The page must be a number from 1 to %(max)s.") % {"max": MAX_PAGE})
    return filters, int(page)


# --- Choosing the backend ----------------------------------------------------------------

_engine_down_until = 0.0


def backend_names(backend=None):
    """The backends to try in order: the one asked for, or the engine and then its fallback."""
    if backend:
        return [backend]
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        return ["default"]
    return ["fallback"] if time.monotonic() < _engine_down_until else ["default", "fallback"]


def with_fallback(ask, backend=None):
    """``ask(backend_name)`` on the first backend that answers."""
    global _engine_down_until
    names = backend_names(backend)
    for position, name in enumerate(names):
        if position == len(names) - 1:
            return ask(name)
        try:
            answer = ask(name)
        except Exception as error:  # noqa: BLE001 - whatever the engine's failure, visitors get answers
            _engine_down_until = time.monotonic() + ENGINE_RETRY_SECONDS
            logger.error(
                "search engine %r failed, answering from the database for %ss: %s: %s",
                name,
                ENGINE_RETRY_SECONDS,
                type(error).__name__,
                error,
            )
            continue
        if _engine_down_until:
            _engine_down_until = 0.0
            logger.warning("search engine %r answers again", name)
        return answer
    raise AssertionError("unreachable: the last backend answers or raises")


def is_engine(backend):
    return hasattr(backend, "es")


# --- Search --------------------------------------------------------------------------------


def searchable_pages(locale=None):
    pages = Page.objects.live().public().filter(depth__gt=1)
    return pages.filter(locale=locale) if locale is not None else pages


def search_site(query, locale, filters=None, page=1, per_page=RESULTS_PER_PAGE, backend=None):
    """Live public pages of ``locale`` (a Locale or language code) matching ``query``, with facets."""
    locale = as_locale(locale)
    plan = plan_query(query)
    result = SearchResult(query=plan.text, page_number=page, per_page=per_page)
    if not plan.variants or locale is None:
        return result

    def ask(name):
        search_backend = get_search_backend(name)
        if is_engine(search_backend):
            return engine_search(search_backend, plan, locale, filters or {}, page, per_page)
        return database_search(name, plan, locale, filters or {}, page, per_page)

    count, pages, counts, engine = with_fallback(ask, backend)
    result.count, result.engine = count, engine
    result.promotions = promotions(plan.text, locale) if page == 1 else []
    result.items = [Hit(page=item, highlight=hit_highlight(item, plan)) for item in pages]
    result.facets = facet_entries(counts, locale.language_code)
    return result


def promotions(query, locale):
    """The editors' picks for this query: live pages of the locale, or outside links."""
    picks = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).select_related("page")
    return [
        {
            "title": pick.title,
            "url": pick.page.get_url() if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks.order_by("sort_order")
        if pick.page is None or (pick.page.live and pick.page.locale_id == locale.pk)
    ]


def as_locale(locale):
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.filter(language_code=locale).first()


def hit_highlight(page, plan):
    """An excerpt of the first of the page's texts that has a query word, else of its lead."""
    texts = page.searchable_texts() if hasattr(page, "searchable_texts") else [page.search_description, page.title]
    texts = [text for text in texts if text]
    excerpts = (highlight(text, plan.highlight_words) for text in texts)
    return next((excerpt for excerpt in excerpts if "<mark>" in excerpt), highlight(texts[0], []) if texts else "")


def specific_in_order(ids, for_facets=False):
    """The specific pages of ``ids`` in that order; ``for_facets``: with what ``search_facets`` reads."""
    pages = list(Page.objects.filter(pk__in=ids).specific())
    for model in {type(page) for page in pages} if for_facets else ():
        lookups = getattr(model, "search_facets_prefetch", ())
        prefetch_related_objects([page for page in pages if type(page) is model], *lookups)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def engine_search(backend, plan, locale, filters, page, per_page):
    facet_clauses = {name: {"term": {f"facet_{name}": value}} for name, value in filters.items()}
    aggregations = {
        name: {
            "filter": {"bool": {"filter": [clause for other, clause in facet_clauses.items() if other != name]}},
            "aggs": {"values": {"terms": {"field": f"facet_{name}", "size": 100}}},
        }
        for name in FACETS
    }
    body = {
        "query": {"bool": {**page_constraints(locale), "must": [text_query(plan)]}},
        "post_filter": {"bool": {"filter": list(facet_clauses.values())}},
        "aggs": aggregations,
        "from": (page - 1) * per_page,
        "size": per_page,
        "_source": False,
        "stored_fields": ["pk"],
        "track_total_hits": True,
    }
    response = engine_request(backend, body)
    ids = [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
    counts = {
        name: {bucket["key"]: bucket["doc_count"] for bucket in response["aggregations"][name]["values"]["buckets"]}
        for name in FACETS
    }
    return response["hits"]["total"]["value"], specific_in_order(ids), counts, "engine"


def engine_request(backend, body):
    index = backend.get_index_for_model(Page).name
    if getattr(backend, "use_new_elasticsearch_api", False):
        return backend.es.search(index=index, **body)
    return backend.es.search(index=index, body=body)


def page_constraints(locale=None):
    """Live, public pages below the root, in ``locale`` when one is given, as engine clauses."""
    constraints = [{"term": {"live_filter": True}}, {"range": {"depth_filter": {"gt": 1}}}]
    if locale is not None:
        constraints.append({"term": {"locale_id_filter": locale.pk}})
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    return {"filter": constraints, "must_not": [{"prefix": {"path_filter": path}} for path in restricted]}


@lru_cache(maxsize=1)
def text_fields():
    """The engine's catch-all text fields with their boosts: every field, and each boosted group."""
    boosts = {
        search_field.boost
        for model in get_page_models()
        for search_field in model.get_search_fields()
        if isinstance(search_field, SearchField) and search_field.boost
    }
    fields = [("_all_text", 1)]
    for boost in sorted(boosts):
        fields.append((f"_all_text_boost_{str(float(boost)).replace('.', '_')}", boost))
    return fields


def text_query(plan):
    """Any variant of the query, matched as Ukrainian, as English, or with typos, best match first."""

    def match(text, suffix="", **options):
        fields = [f"{name}{suffix}^{boost}" for name, boost in text_fields()]
        return {
            "multi_match": {
                "query": text,
                "fields": fields,
                "type": "best_fields",
                "tie_breaker": 0.3,
                "minimum_should_match": MINIMUM_SHOULD_MATCH,
                **options,
            }
        }

    should = []
    for variant in plan.variants:
        should += [match(variant), match(variant, ".en")]
    should.append(match(plan.text, ".folded", fuzziness=FUZZINESS, prefix_length=1, boost=0.5))
    return {"bool": {"should": should, "minimum_should_match": 1}}


def database_search(name, plan, locale, filters, page, per_page):
    results = searchable_pages(locale).search(plan.database_query(locale.language_code), operator="or", backend=name)
    window = specific_in_order([item.pk for item in results[:DATABASE_FACET_WINDOW]], for_facets=True)
    offset = (page - 1) * per_page
    if filters:
        matching = [item for item in window if matches_filters(page_facets(item), filters)]
        count, pages = len(matching), matching[offset : offset + per_page]
    else:
        count = results.count()
        in_window = offset + per_page <= len(window) or count <= len(window)
        pages = (
            window[offset : offset + per_page]
            if in_window
            else specific_in_order([item.pk for item in results[offset : offset + per_page]])
        )
    return count, pages, facet_counts(window, filters), "database"


def matches_filters(values, filters, ignore=None):
    for name, wanted in filters.items():
        if name == ignore:
            continue
        value = values[name]
        if wanted not in (value if isinstance(value, list) else [value]):
            return False
    return True


def facet_counts(pages, filters):
    """Counts of each facet's values among ``pages`` that match the other facets' filters."""
    values = [page_facets(page) for page in pages]
    counts = {}
    for name in FACETS:
        counter = Counter()
        for page_values in values:
            if matches_filters(page_values, filters, ignore=name):
                value = page_values[name]
                counter.update(value if isinstance(value, list) else [value] if value is not None else [])
        counts[name] = dict(counter)
    return counts


# --- Suggestions and the pages API ----------------------------------------------------------

SUGGESTION_LIMIT = 8


def suggest(query, locale, limit=SUGGESTION_LIMIT, backend=None):
    """Titles of live pages of ``locale`` that begin with what the visitor has typed so far."""
    locale = as_locale(locale)
    text = clean_query(query)
    if not text or locale is None:
        return []

    def ask(name):
        search_backend = get_search_backend(name)
        if is_engine(search_backend):
            body = {
                "query": {
                    "bool": {
                        **page_constraints(locale),
                        "must": [{"match": {"title_edgengrams": {"query": text, "operator": "and"}}}],
                    }
                },
                "size": limit,
                "_source": False,
                "stored_fields": ["pk"],
            }
            ids = [int(hit["fields"]["pk"][0]) for hit in engine_request(search_backend, body)["hits"]["hits"]]
            return specific_in_order(ids)
        return [item.specific for item in searchable_pages(locale).autocomplete(text, backend=name)[:limit]]

    return [
        {"title": page.title, "url": page.get_url(), "type": page._meta.label_lower}
        for page in with_fallback(ask, backend)
    ]


def ranked_page_ids(query, locale=None, limit=1000, backend=None):
    """Ids of pages matching ``query``, best first, for the pages API's ``search=`` parameter."""
    plan = plan_query(query)
    if not plan.variants:
        return []

    def ask(name):
        search_backend = get_search_backend(name)
        if is_engine(search_backend):
            body = {
                "query": {"bool": {**page_constraints(locale), "must": [text_query(plan)]}},
                "size": limit,
                "_source": False,
                "stored_fields": ["pk"],
            }
            return [int(hit["fields"]["pk"][0]) for hit in engine_request(search_backend, body)["hits"]["hits"]]
        results = searchable_pages(locale).search(plan.database_query(), operator="or", backend=name)
        return [item.pk for item in results[:limit]]

    return with_fallback(ask, backend)


def order_by_rank(queryset, ids):
    """``queryset`` limited to ``ids``, in their order."""
    ranking = Case(*[When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)], output_field=IntegerField())
    return queryset.filter(pk__in=ids).annotate(search_rank=ranking).order_by("search_rank")
