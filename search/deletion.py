"""Deleted objects leave the search engine through the worker, not in the editor's request.

modelsearch removes a deleted object from every backend inside the request that deletes it, so a
slow or unreachable engine slows or breaks deleting a page. The database backends' entries go with
the object anyway (they are a generic relation of it, deleted in the same transaction); only the
engines need telling, and that is a task after the transaction commits.

This replaces modelsearch's ``post_delete`` handler, which must be connected first: the ``search``
app comes after ``wagtail.search`` in ``INSTALLED_APPS``.
"""

from django.db.models.signals import post_delete
from modelsearch import index
from modelsearch.signal_handlers import post_delete_signal_handler

from .tasks import remove_from_search_engines


def enqueue_removal(instance, **kwargs):
    remove_from_search_engines.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def remove_through_the_worker():
    for model in index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_delete.disconnect(post_delete_signal_handler, sender=model)
            post_delete.connect(enqueue_removal, sender=model, dispatch_uid=f"search-removal-{model._meta.label}")
