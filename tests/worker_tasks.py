"""Tasks the suite's Celery worker loads (``-I tests.worker_tasks``) to observe delivery guarantees."""

import os
import time
from pathlib import Path

from celery import shared_task

from jobs.idempotency import AlreadyDone, run_once


@shared_task(acks_late=True)
def slow_effect(key, directory, seconds):
    """Record each start, hold the run-once transaction for ``seconds``, then record the effect."""
    directory = Path(directory)
    with (directory / "started").open("a") as started:
        started.write(f"{os.getpid()}\n")
    try:
        with run_once(key):
            time.sleep(seconds)
            with (directory / "effects").open("a") as effects:
                effects.write(f"{key}\n")
    except AlreadyDone:
        return "already done"
    return "done"
