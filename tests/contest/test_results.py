"""Results are released together at the results date: nothing shows before, one e-mail per entry after."""

import pytest
import time_machine
from django.core import mail
from wagtail.models import PageLogEntry

from contest.models import ContestPage
from contest.results import RELEASE_ACTION, release_due_results
from contest.tasks import send_result_email
from jobs.models import CompletedJob
from tests.contest.conftest_results import MOMENTS
from tests.events.conftest import tasks_in_process  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_process")]


def released(contest, moment=MOMENTS["results"]):
    with time_machine.travel(moment, tick=False):
        return release_due_results()


def get_at(client, path, moment=MOMENTS["results"]):
    with time_machine.travel(moment, tick=False):
        return client.get(path)


def api_results(client, page, moment=MOMENTS["results"]):
    response = get_at(client, f"/api/v2/pages/{page.pk}/?fields=results", moment)
    assert response.status_code == 200
    return response.json()["results"]


def test_nothing_is_released_before_the_results_date(results_contest):
    assert released(results_contest, MOMENTS["awaiting_results"]) == []

    results_contest.uk.refresh_from_db()
    assert results_contest.uk.results_released_at is None
    assert mail.outbox == []


def test_before_the_release_no_decision_shows_on_the_page_the_results_address_or_the_api(client, results_contest):
    page = get_at(client, "/uk/contest/").content.decode()

    assert "Електронна черга" not in page and "Переможець" not in page
    assert get_at(client, "/uk/contest/results/").status_code == 404
    assert get_at(client, "/en/contest/results/").status_code == 404
    assert api_results(client, results_contest.uk) is None
    assert api_results(client, results_contest.en) is None


def test_the_release_shows_winners_and_finalists_per_nomination_in_both_languages(client, results_contest):
    assert released(results_contest) == [results_contest.uk]

    page = get_at(client, "/uk/contest/").content.decode()
    results_uk = get_at(client, "/uk/contest/results/")
    results_en = get_at(client, "/en/contest/results/")

    assert "Електронна черга" in page
    assert results_uk.status_code == 200 and results_en.status_code == 200
    html = results_uk.content.decode()
    assert "Електронна черга" in html and "Переможець" in html
    assert "Open council" in html and "Фіналіст" in html
    assert "Бюджет участі" not in html  # not awarded
    english = results_en.content.decode()
    assert "E-services" in english and "Winner" in english and "Vinnytsia Oblast" in english


def test_the_api_lists_the_awarded_entries_and_nothing_personal(client, results_contest):
    released(results_contest)

    results = api_results(client, results_contest.en)

    assert results == [
        {
            "key": "e-services",
            "name": "E-services",
            "winners": [
                {
                    "title": "Електронна черга",
                    "community": "Вінницька міська рада",
                    "region": "UA-05",
                    "region_name": "Vinnytsia Oblast",
                    "award": "winner",
                    "case_url": None,
                }
            ],
            "finalists": [],
        },
        {
            "key": "e-democracy",
            "name": "E-democracy",
            "winners": [],
            "finalists": [
                {
                    "title": "Open council",
                    "community": "Lviv City Council",
                    "region": "UA-46",
                    "region_name": "Lviv Oblast",
                    "award": "finalist",
                    "case_url": None,
                }
            ],
        },
    ]


def test_each_submitted_entry_gets_one_result_email_in_its_language(results_contest):
    released(results_contest)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["lviv@example.org", "poltava@example.org", "vinnytsia@example.org"]  # not the draft
    winner = by_address["vinnytsia@example.org"]
    assert winner.subject == "Результати конкурсу: Конкурс кращих практик"
    assert "Рішення: переможець" in winner.body
    assert "Вплив" in winner.body and "Черги зникли." in winner.body and "Добрі показники." in winner.body
    assert "Ірина" not in winner.body and "expert-a" not in winner.body  # the experts stay anonymous
    assert "/uk/contest/results/" in winner.body
    finalist = by_address["lviv@example.org"]
    assert finalist.subject == "The results of the contest: Best practice contest"
    assert "Decision: finalist" in finalist.body and "Impact" in finalist.body
    assert "/en/contest/results/" in finalist.body
    ineligible = by_address["poltava@example.org"]
    assert "не відповідає умовам" in ineligible.body and "Не завершено." in ineligible.body


def test_a_second_run_releases_nothing_more_and_sends_no_email_again(results_contest):
    released(results_contest)
    sent = len(mail.outbox)

    assert released(results_contest) == []
    assert send_result_email.enqueue(results_contest.winner.pk).return_value == "already sent"
    assert len(mail.outbox) == sent == 3
    assert CompletedJob.objects.filter(key__startswith="contest.result.").count() == 3


def test_the_release_is_logged_on_the_contest_page(results_contest):
    released(results_contest)

    (entry,) = PageLogEntry.objects.filter(page=results_contest.uk, action=RELEASE_ACTION)
    assert entry.data == {"entries": 3}


def test_publishing_an_older_revision_keeps_the_release(client, results_contest):
    released(results_contest)
    page = ContestPage.objects.get(pk=results_contest.uk.pk)

    with time_machine.travel(MOMENTS["results"], tick=False):
        page.get_latest_revision_as_object().save_revision().publish()

    page.refresh_from_db()
    assert page.results_released_at is not None
    assert get_at(client, "/uk/contest/results/").status_code == 200
