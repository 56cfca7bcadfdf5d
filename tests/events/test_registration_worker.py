"""A registration's confirmation goes out through the real Celery worker, once (services pass only)."""

import time
from pathlib import Path

import pytest
from django.conf import settings

from events.models import Registration
from events.tasks import send_registration_notice
from tests.events.conftest import register
from tests.services import wait_until
from tests.worker_tasks import slow_effect

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def messages_to(address, since):
    """Messages the file e-mail backend wrote after ``since`` that are addressed to ``address``."""
    mail_dir = Path(settings.EMAIL_FILE_PATH)
    files = [path for path in mail_dir.glob("*.log") if path.stat().st_mtime >= since] if mail_dir.exists() else []
    return [
        message
        for path in files
        for message in path.read_text(encoding="utf-8").split("-" * 79)
        if f"To: {address}" in message
    ]


def test_the_worker_mails_the_confirmation_once_even_when_the_task_is_queued_twice(
    client, open_event, celery_worker, tmp_path
):
    started = time.time()
    address = f"worker-{started:.0f}@example.org"

    register(client, open_event, email=address)
    registration = Registration.objects.get(email=address)
    send_registration_notice.enqueue(registration.pk, "confirm")  # delivered again, as after a retry

    # The worker runs one task at a time in order: once this marker is done, both deliveries are.
    slow_effect.delay("events-marker", str(tmp_path), 0)
    wait_until(lambda: (tmp_path / "effects").exists(), message="the worker to work off both deliveries")

    [message] = messages_to(address, started)
    assert "/events/registrations/" in message
