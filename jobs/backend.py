"""A Django tasks backend that hands tasks to the Celery workers through the transactional outbox.

Wagtail queues its own background work (search index and reference index updates) through Django's
task framework, and so do the project's apps. With Redis configured, this backend writes each task
to the outbox in the caller's database transaction (``jobs.outbox``): the worker sees what the
request saved, a rolled-back request leaves no task behind, and a broker outage delays the work
instead of failing the request or losing the task.
"""

from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued

from . import outbox


class CeleryBackend(BaseTaskBackend):
    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        message = outbox.enqueue(task.module_path, args, kwargs)
        result = TaskResult(
            task=task,
            id=str(message.task_id),
            status=TaskResultStatus.READY,
            enqueued_at=message.created_at,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        task_enqueued.send(type(self), task_result=result)
        return result
