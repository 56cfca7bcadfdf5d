"""Celery tasks of the background-job infrastructure."""

import logging

from celery import shared_task
from django.core.exceptions import ObjectDoesNotExist
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    autoretry_for=(Exception,),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def run_django_task(module_path, args, kwargs):
    """Run a Django task (``@django_tasks.task``) by its dotted path; the Celery side of CeleryBackend."""
    task = import_string(module_path)
    try:
        task.call(*args, **kwargs)
    except ObjectDoesNotExist:
        # The object was deleted after the task was queued: there is nothing left to index.
        logger.info("%s%r: object no longer exists, nothing to do", module_path, tuple(args))
