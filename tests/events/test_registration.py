import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from events.models import Registration
from events.tasks import send_registration_notice
from tests.events.conftest import register, register_and_confirm
from tests.events.factories import EventPageFactory, RegistrationFactory
from tests.factories import translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

CANCEL_LINK = re.compile(r"https?://\S+/(uk|en)/events/registrations/([\w-]+)/cancel/")
CONFIRM_LINK = re.compile(r"https?://\S+/(uk|en)/events/registrations/([\w-]+)/confirm/")


def in_ukrainian(text):
    """``text`` as the Ukrainian pages show it, HTML-escaped (the same text until it is translated)."""
    with translation.override("uk"):
        return escape(gettext(text))


def statuses(event):
    return {registration.email: registration.status for registration in Registration.objects.filter(event=event)}


def test_registration_mails_a_link_to_confirm_the_address_and_takes_no_place_before(client, open_event):
    response = register(client, open_event)

    assert response.status_code == 302
    assert response["Location"].endswith("/uk/events/webinar/#registration")
    registration = Registration.objects.get()
    assert registration.status == "pending" and registration.language == "uk"
    assert open_event.places_left() == 2
    [message] = mail.outbox
    assert message.to == ["olha@example.org"]
    assert "Вебінар" in message.subject
    language, token = CONFIRM_LINK.search(message.body).groups()
    assert (language, token) == ("uk", registration.token)
    assert not CANCEL_LINK.search(message.body)


def test_following_the_link_confirms_a_place_and_mails_a_cancellation_link(client, open_event):
    register(client, open_event)
    confirm_url = CONFIRM_LINK.search(mail.outbox[0].body).group(0)

    page = client.get(confirm_url)
    assert page.status_code == 200 and '<form method="post">' in page.content.decode()
    assert Registration.objects.get().status == "pending"  # a mail scanner following the link confirms nothing

    response = client.post(confirm_url)

    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.confirmed_at is not None
    assert open_event.places_left() == 1
    assert "olha@example.org" in response.content.decode()
    confirmation = mail.outbox[1]
    assert CANCEL_LINK.search(confirmation.body).group(2) == registration.token


def test_confirming_twice_takes_one_place_and_sends_one_confirmation(client, open_event):
    register_and_confirm(client, open_event)
    register_and_confirm(client, open_event)  # the second registration is refused, the link is followed again

    assert open_event.places_left() == 1
    assert len(mail.outbox) == 2


def test_unconfirmed_registrations_cannot_fill_an_event(client, open_event):
    for number in range(5):
        register(client, open_event, email=f"made-up-{number}@example.org")

    register_and_confirm(client, open_event, email="real@example.org")

    assert statuses(open_event)["real@example.org"] == "confirmed"
    assert open_event.places_left() == 1


def test_a_link_followed_too_late_expires_the_registration_and_frees_the_address(client, open_event):
    register(client, open_event)
    registration = Registration.objects.get()
    Registration.objects.filter(pk=registration.pk).update(created_at=timezone.now() - timedelta(hours=3))

    response = client.post(f"/uk/events/registrations/{registration.token}/confirm/")

    registration.refresh_from_db()
    assert registration.status == "expired"
    assert in_ukrainian("This link has expired: the address was not confirmed in time. Please register again.") in (
        response.content.decode()
    )
    assert open_event.places_left() == 2
    register_and_confirm(client, open_event)
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed", "expired"]


def test_the_periodic_job_expires_the_links_that_ran_out(open_event):
    fresh = RegistrationFactory(event=open_event, status="pending")
    stale = RegistrationFactory(event=open_event, status="pending")
    Registration.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(hours=3))

    from events.tasks import expire_unconfirmed_registrations

    assert expire_unconfirmed_registrations.call() == 1
    assert statuses(open_event) == {fresh.email: "pending", stale.email: "expired"}


def test_the_page_confirms_the_registration_after_the_redirect(client, open_event):
    response = register(client, open_event, email="olha@example.org")

    page = client.get(response["Location"]).content.decode()

    assert "olha@example.org" in page


def test_when_places_run_out_the_page_says_so_and_newcomers_join_the_waiting_list(client, open_event):
    full_notice = in_ukrainian(
        "All places are taken. If you register now, you join the waiting list, "
        "and we will write to you if a place becomes free."
    )
    register_and_confirm(client, open_event, email="first@example.org")
    assert full_notice not in client.get(open_event.url).content.decode()
    register_and_confirm(client, open_event, email="second@example.org")

    page = client.get(open_event.url).content.decode()
    register_and_confirm(client, open_event, email="third@example.org")

    assert full_notice in page
    assert statuses(open_event) == {
        "first@example.org": "confirmed",
        "second@example.org": "confirmed",
        "third@example.org": "waiting",
    }


def test_cancelling_a_confirmed_place_promotes_the_oldest_waiting_registration_and_mails_them(
    open_event, django_capture_on_commit_callbacks
):
    first = RegistrationFactory(event=open_event, email="first@example.org")
    RegistrationFactory(event=open_event, email="second@example.org")
    oldest_waiting = RegistrationFactory(event=open_event, email="w1@example.org", status="waiting")
    RegistrationFactory(event=open_event, email="w2@example.org", status="waiting")
    Registration.objects.filter(pk=oldest_waiting.pk).update(created_at=timezone.now() - timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        promoted = first.cancel()

    assert promoted == oldest_waiting
    assert statuses(open_event) == {
        "first@example.org": "cancelled",
        "second@example.org": "confirmed",
        "w1@example.org": "confirmed",
        "w2@example.org": "waiting",
    }
    assert [message.to for message in mail.outbox] == [["w1@example.org"]]


def test_cancelling_a_waiting_registration_promotes_nobody(open_event):
    RegistrationFactory(event=open_event, email="first@example.org")
    RegistrationFactory(event=open_event, email="second@example.org")
    waiting = RegistrationFactory(event=open_event, email="w1@example.org", status="waiting")
    RegistrationFactory(event=open_event, email="w2@example.org", status="waiting")

    assert waiting.cancel() is None
    assert statuses(open_event)["w2@example.org"] == "waiting"


def test_the_confirmation_is_sent_once_even_if_the_task_runs_twice(open_event):
    registration = RegistrationFactory(event=open_event)

    first = send_registration_notice.enqueue(registration.pk, "confirmed")
    second = send_registration_notice.enqueue(registration.pk, "confirmed")

    assert len(mail.outbox) == 1
    assert (first.return_value, second.return_value) == ("sent", "already sent")


def test_a_second_registration_with_the_same_email_is_refused_with_a_clear_message(client, open_event):
    register(client, open_event, email="olha@example.org")

    response = register(client, open_event, email="OLHA@Example.org", name="Ольга ще раз")

    assert response.status_code == 200
    assert in_ukrainian("This e-mail address is already registered for this event.") in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_database_refuses_a_duplicate_active_registration(open_event):
    RegistrationFactory(event=open_event, email="olha@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=open_event, email="Olha@example.org")


def test_someone_who_cancelled_can_register_again(client, open_event):
    RegistrationFactory(event=open_event, email="olha@example.org", status="cancelled")

    register(client, open_event, email="olha@example.org")

    assert sorted(Registration.objects.values_list("status", flat=True)) == ["cancelled", "pending"]


@pytest.mark.parametrize(
    ("fields", "field_with_error"),
    [({"email": "not-an-address"}, "email"), ({"consent": ""}, "consent"), ({"name": ""}, "name")],
)
def test_invalid_input_shows_the_form_again_with_errors_and_saves_nothing(client, open_event, fields, field_with_error):
    response = register(client, open_event, **fields)

    assert response.status_code == 200
    form = response.context["registration_form"]
    assert list(form.errors) == [field_with_error]
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert 'value="Миколаївська міська рада"' in html  # what the visitor typed is kept
    assert Registration.objects.count() == 0
    assert len(mail.outbox) == 0


def test_registering_on_the_translation_takes_a_place_of_the_same_event(client, open_event):
    english = translate(open_event, "en", title="Webinar")
    register_and_confirm(client, open_event, email="first@example.org")
    register_and_confirm(client, english, email="second@example.org")

    register_and_confirm(client, english, email="third@example.org")

    assert statuses(open_event) == {
        "first@example.org": "confirmed",
        "second@example.org": "confirmed",
        "third@example.org": "waiting",
    }
    assert Registration.objects.get(email="second@example.org").language == "en"
    [message] = [
        message for message in mail.outbox if message.to == ["second@example.org"] and "cancel" in message.body
    ]
    assert "Webinar" in message.subject and CANCEL_LINK.search(message.body).group(1) == "en"


@pytest.mark.parametrize(
    "settings_",
    [
        {"registration_open": False},
        {"registration_closes_at": "past"},
        {"cancelled": True},
    ],
    ids=["registration-not-open", "closing-time-passed", "event-cancelled"],
)
def test_closed_registration_shows_no_form_and_refuses_a_post(client, events_index, settings_):
    if settings_.get("registration_closes_at") == "past":
        settings_ = {"registration_closes_at": timezone.now() - timedelta(minutes=1)}
    event = EventPageFactory(parent=events_index, **{"registration_open": True, **settings_})

    assert 'name="consent"' not in client.get(event.url).content.decode()
    response = register(client, event)

    assert response.status_code == 200
    assert 'name="consent"' not in response.content.decode()
    assert 'class="notice notice--error"' in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_past_event_takes_no_registrations(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        registration_open=True,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=1),
    )

    response = register(client, event)

    assert in_ukrainian("This event is over.") in response.content.decode()
    assert Registration.objects.count() == 0


class TestCancellationLink:
    def test_get_asks_to_confirm_and_changes_nothing(self, client, open_event):
        registration = RegistrationFactory(event=open_event)

        response = client.get(f"/uk/events/registrations/{registration.token}/cancel/")

        assert response.status_code == 200
        assert '<form method="post">' in response.content.decode()
        assert response["Referrer-Policy"] == "same-origin"
        registration.refresh_from_db()
        assert registration.status == "confirmed"

    def test_post_cancels(self, client, open_event):
        registration = RegistrationFactory(event=open_event)

        response = client.post(f"/uk/events/registrations/{registration.token}/cancel/")

        assert response.status_code == 200
        registration.refresh_from_db()
        assert registration.status == "cancelled" and registration.cancelled_at is not None
        assert '<form method="post">' not in response.content.decode()

    def test_a_wrong_token_is_not_found(self, client, open_event):
        RegistrationFactory(event=open_event)

        assert client.get("/uk/events/registrations/not-the-token/cancel/").status_code == 404
        assert client.post("/uk/events/registrations/not-the-token/cancel/").status_code == 404

    def test_tokens_are_long_and_random(self, open_event):
        first, second = RegistrationFactory(event=open_event), RegistrationFactory(event=open_event)

        assert len(first.token) >= 40 and first.token != second.token


def test_the_e_mail_links_are_on_the_site_url(client, open_event, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://depository.example.org"

    with django_capture_on_commit_callbacks(execute=True):
        register(client, open_event)

    links = re.findall(r"https?://\S+", mail.outbox[0].body)
    assert links and all(link.startswith("https://depository.example.org/uk/events/") for link in links)
