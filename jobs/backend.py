"""A Django tasks backend that hands tasks to the Celery workers.

Wagtail queues its own background work (search index and reference index updates) through Django's
task framework. With Redis configured, this backend sends each task to Celery once the current
database transaction has committed, so the worker sees what the request saved and publishing a page
never waits for the search engine.
"""

from django.db import transaction
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id


class CeleryBackend(BaseTaskBackend):
    def enqueue(self, task, args, kwargs):
        from .tasks import run_django_task

        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        transaction.on_commit(
            lambda: run_django_task.apply_async(args=(task.module_path, args, kwargs), task_id=result.id)
        )
        task_enqueued.send(type(self), task_result=result)
        return result
