"""Background work of search: removing deleted objects from the search engine."""

import logging

from django.apps import apps
from django_tasks import task
from modelsearch.backends import get_search_backends

logger = logging.getLogger(__name__)


@task()
def remove_from_search_engines(app_label, model_name, pk):
    """Delete one object's document from every engine backend; deleting twice is harmless."""
    instance = apps.get_model(app_label, model_name)(pk=pk)
    for backend in get_search_backends(with_auto_update=True):
        if hasattr(backend, "es"):
            backend.delete(instance)
