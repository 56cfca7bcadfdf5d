"""Make a task's effect happen once, however often the broker delivers the task.

Tasks are acknowledged late: a worker that dies mid-run leaves its message to be delivered again,
and a message can also arrive twice. ``run_once(key)`` records the key in the same database
transaction as the effect, so a run that dies leaves no trace and the next delivery does the work,
while a delivery after a completed run does nothing.
"""

from contextlib import contextmanager

from django.db import IntegrityError, transaction

from .models import CompletedJob


class AlreadyDone(Exception):
    """The work under this key has already taken effect."""


@contextmanager
def run_once(key):
    """Run the block in a transaction that also records ``key``; raise AlreadyDone if it was recorded."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                CompletedJob.objects.create(key=key)
        except IntegrityError as error:
            raise AlreadyDone(key) from error
        yield
