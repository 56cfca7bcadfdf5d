"""Background work of search: index updates and removals that fail loudly, counting visitors' queries."""

import logging

from django.apps import apps
from django_tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from wagtail.contrib.search_promotions.models import Query

from .models import UnansweredQuery

logger = logging.getLogger(__name__)


class IndexingFailed(Exception):
    """A search backend refused an update; the worker retries the task."""


def each_backend(action, instance, engines_only=False):
    """Apply ``action`` to ``instance`` on every auto-updated backend; raise once all were tried."""
    failed = []
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        if engines_only and not hasattr(backend, "es"):
            continue
        try:
            getattr(backend, action)(instance)
        except Exception as error:  # noqa: BLE001 - reported below, after the other backends had their turn
            logger.warning("search: %s of %r failed on the %r backend: %s", action, instance, name, error)
            failed.append(f"{name}: {type(error).__name__}: {error}")
    if failed:
        raise IndexingFailed(f"{action} {instance._meta.label} {instance.pk}: " + "; ".join(failed))


@task()
def index_object(app_label, model_name, pk):
    """Write one object to every backend, or remove it where it is no longer indexable (a draft, a deletion)."""
    model = apps.get_model(app_label, model_name)
    instance = model.objects.filter(pk=pk).first()
    indexed = index.get_indexed_instance(instance) if instance else None
    if indexed is not None:
        each_backend("add", indexed)
    elif instance is not None:
        # No longer indexable (unpublished, made private): what the engines hold of it goes.
        each_backend("delete", instance.get_indexed_instance() or instance, engines_only=True)


@task()
def remove_from_search_engines(app_label, model_name, pk):
    """Delete one object's document from every engine backend; deleting twice is harmless."""
    each_backend("delete", apps.get_model(app_label, model_name)(pk=pk), engines_only=True)


@task()
def record_query(query_string, language_code, found):
    """Count a query for editors: popular queries, promotions, and queries that found nothing."""
    Query.get(query_string).add_hit()
    if not found:
        UnansweredQuery.record(query_string, language_code)


RECONCILE_LIMIT = 500


@task()
def reconcile_search_index():
    """The periodic reconciliation (see ``search.reconcile``), bounded to stay within a task's time limit."""
    from .reconcile import engine_backends, reconcile

    if engine_backends():
        return sum(report.repaired for report in reconcile(limit=RECONCILE_LIMIT))
    return 0
