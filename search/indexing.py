"""Index updates and deletions reach the search engines through the worker, and fail loudly there.

modelsearch's signal handlers have two gaps for a site on an engine: they remove a deleted object
inside the request that deletes it (so a slow or unreachable engine slows or breaks deleting a
page), and their update task swallows the engine's errors, so an update made while the engine is
down is logged, reported as a success and lost. Here both go through a task (``search.tasks``)
that raises when an engine fails, so the worker retries it with backoff until the engine is back;
``manage.py reconcile_search_index`` repairs whatever is missing all the same.

The database backends' entries go with the object anyway (they are a generic relation of it, deleted
in the same transaction); only the engines need telling about deletions.

This replaces modelsearch's ``post_save`` and ``post_delete`` handlers, which must be connected
first: the ``search`` app comes after ``wagtail.search`` in ``INSTALLED_APPS``.
"""

from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler

from .tasks import index_object, remove_from_search_engines


def enqueue_update(instance, raw=False, **kwargs):
    if not raw:
        index_object.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def enqueue_removal(instance, **kwargs):
    remove_from_search_engines.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def index_through_the_worker():
    for model in index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            label = model._meta.label
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(enqueue_update, sender=model, dispatch_uid=f"search-update-{label}")
            post_delete.disconnect(post_delete_signal_handler, sender=model)
            post_delete.connect(enqueue_removal, sender=model, dispatch_uid=f"search-removal-{label}")
