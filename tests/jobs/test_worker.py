"""Delivery guarantees of the real Celery worker on Redis (real-services pass only)."""

import os
import signal

import pytest

from jobs.models import CompletedJob
from tests.services import wait_until
from tests.worker_tasks import slow_effect

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def lines(path):
    return path.read_text().split() if path.exists() else []


def test_task_whose_worker_is_killed_mid_run_is_redelivered_and_takes_effect_once(celery_worker, tmp_path):
    tmp_path.chmod(0o777)
    slow_effect.delay("kill-test", str(tmp_path), 3)
    first_pid = wait_until(lambda: lines(tmp_path / "started"), message="the task to start")[0]

    os.kill(int(first_pid), signal.SIGKILL)  # the pool process dies inside the run-once transaction

    wait_until(lambda: lines(tmp_path / "effects"), timeout=90, message="the redelivered task to finish")
    started = lines(tmp_path / "started")
    assert len(started) == 2 and started[1] != first_pid
    assert lines(tmp_path / "effects") == ["kill-test"]
    assert CompletedJob.objects.filter(key="kill-test").count() == 1


def test_task_delivered_again_after_it_took_effect_does_nothing(celery_worker, tmp_path):
    for _ in range(2):
        slow_effect.delay("twice-test", str(tmp_path), 0)

    wait_until(lambda: len(lines(tmp_path / "started")) == 2, message="both deliveries to run")
    assert lines(tmp_path / "effects") == ["twice-test"]
