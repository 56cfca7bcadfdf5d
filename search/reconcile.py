"""Compare what the search engines hold with what should be indexed, and repair the difference.

Index updates go through the worker and are retried while an engine is down, but a retry budget
runs out, an engine can lose an index, and an update can be made around the worker (an image
uploaded while the engine was away). Reconciliation makes the engines right whatever happened: per
engine index it lists the documents' ids and model, compares them with the objects that should be
indexed, indexes the missing and the stale (written as another model, as after a page changed type)
and removes the extra (deleted or no longer indexable objects). It runs periodically on the workers
(bounded by ``limit``) and as ``manage.py reconcile_search_index``.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.backends.base import get_model_root

logger = logging.getLogger(__name__)

SCROLL_SIZE = 1000


@dataclass
class IndexReport:
    backend: str
    index: str
    expected: int = 0
    held: int = 0
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    repaired: int = 0

    @property
    def in_order(self):
        return not (self.missing or self.stale or self.extra)


def engine_backends():
    return [(name, backend) for name, backend in get_search_backends_with_name() if hasattr(backend, "es")]


def expected_documents():
    """{root model: {pk (str): most specific indexed model}} for every object that should be indexed."""
    expected = defaultdict(dict)
    # Parents first, so that each object ends up under its most specific model.
    for model in sorted(index.get_indexed_models(), key=lambda model: len(model.__mro__)):
        root = get_model_root(model)
        for pk in model.get_indexed_objects().values_list("pk", flat=True).iterator(chunk_size=2000):
            expected[root][str(pk)] = model
    return expected


def held_documents(backend, index_name):
    """{id: content type of the document ("app.Model")} for every document of the engine index."""
    es = backend.es
    if not es.indices.exists(index=index_name):
        return {}
    body = {"query": {"match_all": {}}, "_source": ["_django_content_type"], "size": SCROLL_SIZE, "sort": ["_doc"]}
    if backend.use_new_elasticsearch_api:
        page = es.search(index=index_name, scroll="2m", **body)
    else:
        page = es.search(index=index_name, scroll="2m", body=body)
    held = {}
    try:
        while page["hits"]["hits"]:
            for hit in page["hits"]["hits"]:
                content_types = hit.get("_source", {}).get("_django_content_type") or [""]
                held[hit["_id"]] = content_types[0] if isinstance(content_types, list) else content_types
            page = es.scroll(scroll_id=page["_scroll_id"], scroll="2m")
    finally:
        if "_scroll_id" in page:
            es.clear_scroll(scroll_id=page["_scroll_id"])
    return held


def content_type(model):
    return f"{model._meta.app_label}.{model.__name__}"


def reconcile(repair=True, limit=None):
    """Reconcile every engine backend's indexes; return one ``IndexReport`` per index.

    ``limit`` bounds how many objects one call repairs (the periodic task stays short); the rest
    are repaired by the next call.
    """
    expected = expected_documents()
    reports = []
    budget = limit
    for name, backend in engine_backends():
        for root, documents in expected.items():
            search_index = backend.get_index_for_model(root)
            held = held_documents(backend, search_index.name)
            report = IndexReport(name, search_index.name, expected=len(documents), held=len(held))
            for pk, model in documents.items():
                if pk not in held:
                    report.missing.append(pk)
                elif held[pk] != content_type(model):
                    report.stale.append(pk)
            report.extra = sorted(set(held) - set(documents))
            if repair and not report.in_order:
                report.repaired, budget = repair_index(backend, search_index, root, documents, report, budget)
                search_index.refresh()
            if not report.in_order:
                logger.warning(
                    "search reconciliation: %s %s: %d missing, %d stale, %d extra; %d repaired",
                    name,
                    search_index.name,
                    len(report.missing),
                    len(report.stale),
                    len(report.extra),
                    report.repaired,
                )
            reports.append(report)
    return reports


def repair_index(backend, search_index, root, documents, report, budget):
    to_index = (report.missing + report.stale)[:budget]
    budget = None if budget is None else budget - len(to_index)
    by_model = defaultdict(list)
    for pk in to_index:
        by_model[documents[pk]].append(pk)
    repaired = 0
    for model, pks in by_model.items():
        objects = list(model.get_indexed_objects().filter(pk__in=pks))
        if objects:
            backend.add_bulk(model, objects)
            repaired += len(objects)
    to_remove = report.extra[:budget]
    budget = None if budget is None else budget - len(to_remove)
    for pk in to_remove:
        search_index.delete_item(root(pk=pk))
        repaired += 1
    return repaired, budget


def index_problems(backend):
    """What makes the engine's indexes unusable: a missing index, or a field mapped with another type.

    An index built with other mappings answers queries, but its facet and analysed fields do not
    work: the search service then falls back to the database while everything looks fine.
    """
    problems, unmapped = [], []
    expected = defaultdict(dict)
    for model in index.get_indexed_models():
        properties = backend.mapping_class(model).get_mapping()["properties"]
        expected[backend.get_index_for_model(get_model_root(model)).name].update(properties)
    for index_name, properties in expected.items():
        if not backend.es.indices.exists(index=index_name):
            problems.append(f"{index_name}: missing")
            continue
        held = {}
        for mapping in backend.es.indices.get_mapping(index=index_name).values():
            held.update(mapping["mappings"].get("properties", {}))
        for name, definition in sorted(properties.items()):
            actual = held.get(name, {}).get("type", "object" if "properties" in held.get(name, {}) else None)
            wanted = definition.get("type", "object")
            if actual is None:
                unmapped.append(f"{index_name}.{name}: unmapped, expected {wanted}")
            elif actual != wanted:
                problems.append(f"{index_name}.{name}: {actual}, expected {wanted}")
    return problems + unmapped  # fields of the wrong type first: they say most about what went wrong
