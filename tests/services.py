"""Fixtures for the real-services pass: the services of ``make services`` and a Celery worker process.

Tests marked ``services`` run only in that pass (``make test`` runs it); when a service is missing
they fail, they never skip.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

REQUIRED = ("DATABASE_URL", "REDIS_URL", "SEARCH_URL")


def free_port():
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout=60, interval=0.25, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


@pytest.fixture(scope="session")
def real_services(django_db_setup, django_db_blocker):
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        pytest.fail(f"the real services are not configured ({', '.join(missing)} unset): run `make test`")
    from depository.health import CHECKS

    with django_db_blocker.unblock():
        call_command("update_index", verbosity=0)  # the engine's indexes, as a deployment creates them
        for check in CHECKS.values():
            check()  # raises, failing the test, when a service does not answer
    assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def start_worker(log_path, **environment):
    """A real Celery worker process (in a session of its own) using the test database; waits until it is ready."""
    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**database),
        "PYTHONUNBUFFERED": "1",
        **environment,
    }
    with open(log_path, "a") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "--app", "depository", "worker",
                "--pool", "prefork", "--concurrency", "1", "--include", "tests.worker_tasks",
                "--without-gossip", "--without-mingle", "--hostname", f"test-{os.getpid()}-{time.monotonic_ns()}@%h",
                "--loglevel", "INFO",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a test can kill it with all its pool processes
        )  # fmt: skip
    wait_until(lambda: " ready." in Path(log_path).read_text(), timeout=90, message="the Celery worker to be ready")
    return process


def stop_worker(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_for_idle_worker(timeout=120):
    """Until the outbox is relayed and the worker has nothing queued or running.

    A transactional test's data is flushed when it ends; a task still writing then can deadlock
    with the flush, so tests that hand work to the worker wait for it first.
    """
    from depository.celery import app
    from jobs.models import OutboxMessage

    def idle():
        if OutboxMessage.objects.pending().exists():
            return False
        with app.connection_for_read() as connection:
            if connection.default_channel.client.llen("celery"):
                return False
        active = app.control.inspect(timeout=1).active() or {}
        return not any(active.values())

    wait_until(idle, timeout=timeout, interval=0.5, message="the worker to finish its tasks")


@pytest.fixture(scope="session")
def celery_worker(real_services, tmp_path_factory):
    """A real Celery worker process, consuming from Redis and using the test database."""
    from depository.celery import app

    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    app.control.purge()
    # Tests' webhook receivers listen on loopback (tests/webhooks/receiver.py).
    process = start_worker(log_path, WEBHOOKS_ALLOW_PRIVATE_ADDRESSES="true")
    try:
        yield process
    finally:
        stop_worker(process)
        if os.environ.get("SHOW_WORKER_LOG"):
            print(log_path.read_text())
