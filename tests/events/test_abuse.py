"""Registration abuse is stopped: rate limits per client and per e-mail address, and a honeypot field."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from depository.settings import redis_cache
from events.models import Registration
from tests.events.conftest import register
from tests.events.factories import EventPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


def register_from(client, address, page, **fields):
    """Register as a visitor at the IP ``address`` would."""
    data = {"name": "Ольга", "email": "olha@example.org", "organisation": "Миколаївська міська рада", "consent": "on"}
    return client.post(page.url, {**data, **fields}, REMOTE_ADDR=address)


@pytest.fixture
def roomy_event(open_event):
    open_event.capacity = None
    open_event.save_revision().publish()
    return open_event


def test_a_hundred_registrations_from_one_client_stop_at_the_limit(client, roomy_event):
    statuses = [register(client, roomy_event, email=f"made-up-{n}@example.org").status_code for n in range(100)]

    assert statuses[:10] == [302] * 10
    assert set(statuses[10:]) == {429}
    assert Registration.objects.count() == 10
    assert len(mail.outbox) == 10


def test_the_refusal_shows_the_form_again_with_a_clear_message(client, roomy_event):
    for n in range(10):
        register(client, roomy_event, email=f"made-up-{n}@example.org")

    response = register(client, roomy_event, email="olha@example.org", name="Ольга Коваль")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600  # what is left of the hour's window, however little
    html = BeautifulSoup(response.content, "html.parser")
    assert "Забагато надсилань форми з вашого з’єднання. Спробуйте знову через" in html.select_one(".errorlist").text
    assert html.select_one("input[name=name]")["value"] == "Ольга Коваль"


def test_the_limit_is_per_client(client, roomy_event):
    for n in range(10):
        register_from(client, "203.0.113.7", roomy_event, email=f"made-up-{n}@example.org")

    assert register_from(client, "203.0.113.7", roomy_event, email="next@example.org").status_code == 429
    assert register_from(client, "198.51.100.20", roomy_event, email="other@example.org").status_code == 302


def test_one_address_is_not_mailed_again_and_again_from_many_clients(client, events_index):
    events = [EventPageFactory(parent=events_index, registration_open=True, slug=f"event-{n}") for n in range(6)]

    statuses = [
        register_from(client, f"203.0.113.{n + 1}", event, email="victim@example.org").status_code
        for n, event in enumerate(events)
    ]

    assert statuses == [302, 302, 302, 429, 429, 429]
    assert len(mail.outbox) == 3


def test_the_address_limit_ignores_case_and_spaces(client, events_index):
    events = [EventPageFactory(parent=events_index, registration_open=True, slug=f"event-{n}") for n in range(4)]
    spellings = ["victim@example.org", "Victim@Example.org", " VICTIM@example.org ", "victim@EXAMPLE.ORG"]

    statuses = [
        register_from(client, f"203.0.113.{n + 1}", event, email=email).status_code
        for n, (event, email) in enumerate(zip(events, spellings, strict=True))
    ]

    assert statuses[-1] == 429


def test_the_limits_follow_the_settings(client, roomy_event, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "registration": {"client": "2/m"}}

    statuses = [register(client, roomy_event, email=f"made-up-{n}@example.org").status_code for n in range(3)]

    assert statuses == [302, 302, 429]


def test_registration_goes_through_when_the_cache_cannot_count(client, roomy_event, settings):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:9/0")}  # nothing listens on port 9

    statuses = [register(client, roomy_event, email=f"made-up-{n}@example.org").status_code for n in range(12)]

    assert statuses == [302] * 12


def test_registration_goes_through_when_the_cache_raises(client, roomy_event, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.RATELIMIT_USE_CACHE = "limits"

    statuses = [register(client, roomy_event, email=f"made-up-{n}@example.org").status_code for n in range(12)]

    assert statuses == [302] * 12
    assert "rate limit registration:client not checked, the cache failed: ConnectionError" in caplog.text


def test_personal_links_cannot_be_guessed_quickly(client):
    statuses = [client.get(f"/uk/events/registrations/guess-{n}/cancel/").status_code for n in range(31)]
    confirm = client.post("/uk/events/registrations/guess/confirm/")

    assert set(statuses[:30]) == {404}
    assert statuses[30] == 429
    assert confirm.status_code == 429


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, open_event):
    html = BeautifulSoup(client.get(open_event.url).content, "html.parser")

    trap = html.select_one("form.registration-form input[name=website]")
    wrapper = trap.find_parent(class_="form-trap")
    assert wrapper["aria-hidden"] == "true"
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert not trap.has_attr("required")


def test_a_filled_honeypot_saves_and_mails_nothing_and_says_why(client, open_event):
    response = register(client, open_event, website="https://spam.example")

    assert response.status_code == 200
    assert Registration.objects.count() == 0
    assert mail.outbox == []
    html = BeautifulSoup(response.content, "html.parser")
    assert "Форму не надіслано" in html.select_one(".errorlist").text
    assert html.select_one("input[name=website]").get("value") is None  # not echoed back
