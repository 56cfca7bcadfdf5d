"""Places under concurrent registration, on PostgreSQL (real-services pass only)."""

import threading

import pytest
from django.core import mail
from django.db import connection

from events.models import Registration

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VISITORS = 8


def test_visitors_registering_and_confirming_at_the_same_moment_never_exceed_the_capacity(
    real_services, settings, events_index
):
    from tests.events.factories import EventPageFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    event = EventPageFactory(parent=events_index, registration_open=True, capacity=1)
    start, errors = threading.Barrier(VISITORS), []

    def visitor(number):
        try:
            start.wait()
            Registration.objects.register(
                event,
                name=f"Visitor {number}",
                email=f"v{number}@example.org",
                organisation="",
                comment="",
                language="uk",
            ).confirm()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == ["confirmed"] + ["waiting"] * (VISITORS - 1)
    assert len(mail.outbox) == 2 * VISITORS  # the link to confirm the address, then the place or the queue
