"""Background work of search: removing deleted objects from the engine, counting visitors' queries."""

import logging

from django.apps import apps
from django_tasks import task
from modelsearch.backends import get_search_backends
from wagtail.contrib.search_promotions.models import Query

from .models import UnansweredQuery

logger = logging.getLogger(__name__)


@task()
def remove_from_search_engines(app_label, model_name, pk):
    """Delete one object's document from every engine backend; deleting twice is harmless."""
    instance = apps.get_model(app_label, model_name)(pk=pk)
    for backend in get_search_backends(with_auto_update=True):
        if hasattr(backend, "es"):
            backend.delete(instance)


@task()
def record_query(query_string, language_code, found):
    """Count a query for editors: popular queries, promotions, and queries that found nothing."""
    Query.get(query_string).add_hit()
    if not found:
        UnansweredQuery.record(query_string, language_code)
