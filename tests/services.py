"""Fixtures for the real-services pass: the services of ``make services`` and a Celery worker process.

Tests marked ``services`` run only in that pass (``make test`` runs it); when a service is missing
they fail, they never skip.
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

REQUIRED = ("DATABASE_URL", "REDIS_URL", "SEARCH_URL")


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
        for check in CHECKS.values():
            check()  # raises, failing the test, when a service does not answer
    assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture(scope="session")
def celery_worker(real_services, tmp_path_factory):
    """A real Celery worker process, consuming from Redis and using the test database."""
    from depository.celery import app

    database = settings.DATABASES["default"]
    environment = {
        **os.environ,
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**database),
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    app.control.purge()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "--app", "depository", "worker",
                "--pool", "prefork", "--concurrency", "1", "--include", "tests.worker_tasks",
                "--without-gossip", "--without-mingle", "--hostname", f"test-{os.getpid()}@%h",
                "--loglevel", "INFO",
            ],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_until(lambda: app.control.ping(timeout=0.5), timeout=60, message="the Celery worker to answer")
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        if os.environ.get("SHOW_WORKER_LOG"):
            print(log_path.read_text())
