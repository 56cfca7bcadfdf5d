from datetime import datetime

import pytest

from events.models import EVENT_TIME_ZONE
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import translate


def kyiv(text):
    """A Kyiv-time moment from ``YYYY-MM-DD HH:MM``."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=EVENT_TIME_ZONE)


@pytest.fixture
def events_index(site_tree):
    """The Ukrainian events index, with its English translation."""
    index = EventIndexPageFactory(parent=site_tree.home_uk)
    translate(index, "en", title="Events")
    return index


@pytest.fixture
def open_event(events_index):
    """An upcoming Ukrainian event with registration open and two places."""
    return EventPageFactory(parent=events_index, title="Вебінар", slug="webinar", registration_open=True, capacity=2)


def register(client, page, **fields):
    """Post the registration form of ``page`` as a visitor would."""
    data = {"name": "Ольга", "email": "olha@example.org", "organisation": "Миколаївська міська рада", "consent": "on"}
    return client.post(page.url, {**data, **fields})


def register_and_confirm(client, page, email="olha@example.org", **fields):
    """Register, then confirm the address as the link of the first e-mail does; returns the confirmation page."""
    from events.models import Registration

    register(client, page, email=email, **fields)
    registration = Registration.objects.filter(email=email).latest("created_at")
    return client.post(f"/{page.locale.language_code}/events/registrations/{registration.token}/confirm/")


@pytest.fixture
def tasks_in_process(settings):
    """Tasks run in the test's process, so its mail outbox shows the e-mails they send.

    The services pass sends the same e-mails through a real Celery worker in test_registration_worker.py.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
