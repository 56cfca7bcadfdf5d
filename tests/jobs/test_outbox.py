"""The transactional outbox: work is written with the data, survives a broker outage, is relayed in order."""

import pytest
from django.db import transaction
from django.utils import timezone

from depository.celery import app
from events.models import Registration
from jobs import outbox
from jobs.models import OutboxMessage
from tests.events.conftest import register

pytestmark = pytest.mark.django_db

UNREACHABLE_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


@pytest.fixture
def outbox_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "jobs.backend.CeleryBackend"}}


def published(queue_name="celery"):
    """The messages waiting in the in-memory broker's queue, oldest first (consumed)."""
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(queue_name)
        messages = []
        while True:
            try:
                message = queue.get(block=False)
            except queue.Empty:
                return messages
            message.ack()
            messages.append(message)


def test_work_queued_in_a_transaction_that_rolls_back_leaves_no_trace(outbox_backend, broker):
    broker("memory://")
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue("events.tasks.send_registration_notice", [1, "confirmed"], {})
        raise RuntimeError("the request failed after queueing")
    assert not OutboxMessage.objects.exists()
    assert published() == []


def test_a_registration_succeeds_while_the_broker_is_down_and_its_e_mail_waits(
    client, open_event, outbox_backend, broker, django_capture_on_commit_callbacks
):
    broker(UNREACHABLE_BROKER)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = register(client, open_event, email="outage@example.org")

    assert response.status_code == 302
    assert callbacks, "the relay is tried once the registration commits"
    registration = Registration.objects.get(email="outage@example.org")
    [message] = OutboxMessage.objects.pending().filter(task_path="events.tasks.send_registration_notice")
    assert message.args == [registration.pk, "confirm"]
    waiting = OutboxMessage.objects.pending().count()

    broker("memory://")
    assert outbox.relay() == waiting
    delivered = {message.headers["id"]: message for message in published()}
    assert delivered[str(message.task_id)].headers["task"] == "jobs.tasks.run_django_task"
    assert not OutboxMessage.objects.pending().exists()


def test_the_relay_hands_work_over_oldest_first_and_only_once(outbox_backend, broker):
    broker(UNREACHABLE_BROKER)
    for number in range(5):
        outbox.enqueue("search.tasks.record_query", [f"query {number}", "uk", True], {})
    assert OutboxMessage.objects.pending().count() == 5

    broker("memory://")
    assert outbox.relay(batch_size=2) == 5
    assert outbox.relay() == 0
    assert [message.payload[0][1][0] for message in published()] == [f"query {n}" for n in range(5)]


def test_relayed_messages_are_forgotten_after_a_week():
    outbox.enqueue("search.tasks.record_query", ["old", "uk", True], {})
    outbox.enqueue("search.tasks.record_query", ["still waiting", "uk", True], {})
    OutboxMessage.objects.filter(pk=OutboxMessage.objects.earliest("id").pk).update(relayed_at=timezone.now())

    assert outbox.prune(now=timezone.now()) == 0
    assert outbox.prune(now=timezone.now() + outbox.KEEP_RELAYED * 2) == 1
    assert OutboxMessage.objects.pending().count() == 1  # work not yet relayed is never forgotten
