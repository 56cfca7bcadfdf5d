"""The entry, step by step: every step saved on the server, invalid input kept, the deadline enforced."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client

from contest.models import Entry
from contest.tasks import send_entry_confirmation
from tests.contest.conftest import PASSWORD, complete_entry, log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]

STEP_QUERIES = 15  # measured: 11 to 14 per step (GET and POST)
ABOUT = {"title": "Електронна черга", "summary": "Запис до ЦНАП онлайн.", "community": "Вінниця", "year": "2012"}


def step_url(entry, number, language="uk"):
    return f"/{language}/contest/entries/{entry.key}/step/{number}/"


def start(client, contest):
    response = client.post(f"/uk/contest/{contest.pk}/start/")
    assert response.status_code == 302
    return Entry.objects.latest("created_at")


def test_draft_saved_at_step_two_is_there_in_a_new_session(client, contest, people):
    log_in(client, people.participant)
    entry = start(client, contest)
    client.post(step_url(entry, 1), {"nomination": contest.nominations.first().pk})
    response = client.post(step_url(entry, 2), ABOUT)
    assert response.status_code == 302 and response["Location"] == step_url(entry, 3)

    fresh = Client()
    assert fresh.post("/uk/accounts/login/", {"login": "olena@example.org", "password": PASSWORD}).status_code == 302
    page = fresh.get(step_url(entry, 2)).content.decode()

    assert 'value="Електронна черга"' in page and "Запис до ЦНАП онлайн." in page and 'value="2012"' in page
    assert 'aria-current="step"' in page and "2 з 9" in page


def test_invalid_step_keeps_what_was_typed_and_names_field_and_step(client, contest, people):
    log_in(client, people.participant)
    entry = start(client, contest)

    response = client.post(step_url(entry, 2, "en"), {**ABOUT, "year": "1850"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Step “About the practice” has errors" in html and 'href="#id_year"' in html
    entry.refresh_from_db()
    assert entry.title == "Електронна черга"  # the valid fields are saved
    assert entry.unsaved == {"2": {**{name: [value] for name, value in ABOUT.items()}, "year": ["1850"]}}

    again = Client()
    log_in(again, people.participant)
    page = again.get(step_url(entry, 2, "en")).content.decode()
    assert 'value="1850"' in page and 'aria-invalid="true"' in page  # kept across sessions, with its error
    review = again.get(step_url(entry, 9, "en")).content.decode()
    assert "input that did not validate is not saved yet" in review


def test_invalid_links_say_which_line(client, contest, people):
    log_in(client, people.participant)
    entry = start(client, contest)

    response = client.post(step_url(entry, 7, "en"), {"links": "Сайт | https://vmr.gov.ua/\nБез адреси | ftp:/x"})

    assert "Line 2" in response.content.decode()
    assert Entry.objects.get().unsaved["7"]["links"] == ["Сайт | https://vmr.gov.ua/\nБез адреси | ftp:/x"]


def test_review_lists_what_is_missing_per_step_and_submit_refuses_it(client, contest, people):
    log_in(client, people.participant)
    entry = start(client, contest)
    client.post(step_url(entry, 2, "en"), {"title": "Черга"})

    review = client.get(step_url(entry, 9, "en")).content.decode()
    client.post(f"/en/contest/entries/{entry.key}/submit/")

    assert "Step 1: Nomination" in review and "Step 7: Categories and links" in review
    assert "summary" in review and "Submit the entry" not in review
    assert Entry.objects.get().status == "draft" and not mail.outbox


def test_submit_sends_one_confirmation_in_the_participants_language(client, contest, people):
    entry = complete_entry(contest, people.participant, language="en")
    log_in(client, people.participant)

    client.post(f"/en/contest/entries/{entry.key}/submit/")
    client.post(f"/en/contest/entries/{entry.key}/submit/")  # a second press changes nothing

    entry.refresh_from_db()
    assert entry.status == "submitted" and entry.submitted_at is not None
    [message] = mail.outbox
    assert message.to == ["olena@example.org"] and message.subject.startswith("Your entry is submitted")
    assert f"/en/contest/entries/{entry.key}/step/9/" in message.body


def test_confirmation_is_sent_once_even_if_the_task_runs_twice(contest, people):
    entry = complete_entry(contest, people.participant)
    Entry.objects.filter(pk=entry.pk).update(status="submitted", submitted_at=entry.created_at)

    first = send_entry_confirmation.enqueue(entry.pk)
    second = send_entry_confirmation.enqueue(entry.pk)

    assert (first.return_value, second.return_value) == ("sent", "already sent")
    assert len(mail.outbox) == 1 and "Ваш конкурсний запис подано" in mail.outbox[0].subject


def test_after_the_deadline_the_form_is_closed_and_changes_refused(client, contest, people):
    entry = complete_entry(contest, people.participant)

    with time_machine.travel(contest.submissions_close_at + timedelta(minutes=1)):
        log_in(client, people.participant)
        page = client.get(step_url(entry, 2, "en"))
        late_step = client.post(step_url(entry, 2, "en"), {**ABOUT, "title": "Пізно"})
        late_submit = client.post(f"/en/contest/entries/{entry.key}/submit/")
        late_withdraw = client.post(f"/en/contest/entries/{entry.key}/withdraw/")
        late_start = client.post(f"/en/contest/{contest.pk}/start/")

    assert page.status_code == 200 and "The submission deadline has passed" in page.content.decode()
    assert "<fieldset disabled>" in page.content.decode()
    assert {late_step.status_code, late_submit.status_code, late_withdraw.status_code, late_start.status_code} == {403}
    assert "The submission deadline has passed" in late_step.content.decode()
    entry.refresh_from_db()
    assert entry.title == "Електронна черга до ЦНАП" and entry.status == "draft"
    assert Entry.objects.count() == 1 and not mail.outbox


def test_entries_are_created_only_while_submissions_are_open(client, site_tree, people):
    from tests.factories import ContestPageFactory

    announced = ContestPageFactory(parent=site_tree.home_uk, phase="announced")
    log_in(client, people.participant)

    response = client.post(f"/en/contest/{announced.pk}/start/")

    assert response.status_code == 403 and "not open yet" in response.content.decode()
    assert not Entry.objects.exists()


def test_withdraw_before_the_deadline(client, contest, people):
    entry = complete_entry(contest, people.participant, status="submitted")
    log_in(client, people.participant)

    client.post(f"/uk/contest/entries/{entry.key}/withdraw/")

    entry.refresh_from_db()
    assert entry.status == "withdrawn"


def test_steps_take_a_bounded_number_of_queries(client, contest, people, django_assert_max_num_queries):
    entry = complete_entry(contest, people.participant)
    log_in(client, people.participant)
    client.get(step_url(entry, 1))  # warms the site's caches (locales, site root)

    for number in range(1, 10):
        with django_assert_max_num_queries(STEP_QUERIES):
            assert client.get(step_url(entry, number)).status_code == 200
    for number, data in ((1, {"nomination": entry.nomination_id}), (2, ABOUT), (7, {"categories": []})):
        with django_assert_max_num_queries(STEP_QUERIES):
            assert client.post(step_url(entry, number), data).status_code == 302


def test_a_withdrawn_entry_can_be_submitted_again_before_the_deadline(client, contest, people):
    entry = complete_entry(contest, people.participant)
    log_in(client, people.participant)
    client.post(f"/uk/contest/entries/{entry.key}/submit/")
    client.post(f"/uk/contest/entries/{entry.key}/withdraw/")

    review = client.get(step_url(entry, 9)).content.decode()
    client.post(f"/uk/contest/entries/{entry.key}/submit/")

    assert "Подати запис" in review
    entry.refresh_from_db()
    assert entry.status == "submitted" and len(mail.outbox) == 2
