"""The contest page shows what its phase calls for, worked out from the dates, with its figures and FAQ."""

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contest.models import ContestQuestion
from contest.statistics import entry_statistics
from tests.contest.conftest_results import DATES, MOMENTS

pytestmark = pytest.mark.django_db

SUBMIT = re.compile(r'<a class="button" href="([^"]+)">')


def page_at(client, moment, path="/uk/contest/"):
    with time_machine.travel(moment, tick=False):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def current_step(html):
    return re.search(r'<li class="contest__phase--current" aria-current="step">(.*?)</li>', html).group(1)


@pytest.mark.parametrize(
    ("moment", "shown", "current"),
    [
        ("before", "Приймання заявок розпочнеться", None),
        ("announced", "Приймання заявок розпочнеться", "Оголошення"),
        ("open", "data-countdown", "Початок приймання заявок"),
        ("evaluation", "триває оцінювання", "Кінцевий термін подання"),
        ("awaiting_results", "триває оцінювання", "Завершення експертного оцінювання"),
    ],
)
def test_the_page_follows_the_phase_of_the_dates(client, results_contest, moment, shown, current):
    html = page_at(client, MOMENTS[moment])

    assert shown in html
    if current is None:
        assert 'aria-current="step"' not in html
    else:
        assert current in current_step(html)
    assert "Електронна черга" not in html  # no decision before the release


def test_the_submit_button_shows_only_while_submissions_are_open(client, results_contest):
    buttons = {moment: SUBMIT.findall(page_at(client, at)) for moment, at in MOMENTS.items()}

    assert buttons.pop("open") == [reverse("contest:start_entry", args=[results_contest.uk.pk])]
    assert all(found == [] for found in buttons.values()), buttons


def test_the_english_page_submits_to_the_contest_in_the_default_language(client, results_contest):
    html = page_at(client, MOMENTS["open"], "/en/contest/")

    assert SUBMIT.findall(html) == [reverse("contest:start_entry", args=[results_contest.uk.pk])]
    assert "Submissions open" in current_step(html)


def test_the_countdown_is_written_by_the_server_and_ticked_by_a_script_file(client, results_contest):
    halfway = DATES["submissions_open_at"] + (DATES["submissions_close_at"] - DATES["submissions_open_at"]) / 2
    html = page_at(client, halfway)

    countdown = re.search(r"<time datetime=\"([^\"]+)\" data-countdown[^>]*>([^<]+)</time>", html)
    assert countdown.group(1) == "2030-04-30T12:00:00+03:00"  # Kyiv time
    assert countdown.group(2).strip() == "2\xa0тижні, 1\xa0день"
    assert re.search(r'<script src="/static/js/countdown.js" defer>', html)
    assert "<script>" not in html  # no inline script: the site's policy forbids it


def test_the_timeline_is_in_kyiv_time(client, results_contest):
    html = page_at(client, MOMENTS["open"])

    assert '<time datetime="2030-03-31T12:00:00+03:00">' in html


def test_the_page_shows_regulations_eligibility_and_frequent_questions(client, results_contest):
    ContestQuestion.objects.create(
        page=results_contest.uk, locale=results_contest.uk.locale, question="Чи можна подати два кейси?", answer="Так."
    )

    html = page_at(client, MOMENTS["open"])

    for text in ("Органи місцевого самоврядування.", "Дипломи переможцям.", "Чи можна подати два кейси?", "Так."):
        assert text in html


def test_the_figures_count_entries_by_nomination_region_and_level(client, results_contest):
    html = page_at(client, MOMENTS["awaiting_results"])

    assert "4 заявки розпочато" in html
    assert "3 заявки подано" in html
    assert "3 заявки перевірено" in html
    assert "1 заявку оцінили всі її експерти" in html
    assert re.search(r"<th scope=\"row\">Електронна демократія</th><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">Вінницька область</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">місто</th><td>3</td>", html)


def test_the_figures_take_four_queries_whatever_the_number_of_entries(results_contest):
    with CaptureQueriesContext(connection) as queries:
        figures = entry_statistics(results_contest.uk.entries.all(), results_contest.en.nominations.all(), "en")

    assert len(queries) == 5  # the totals, three breakdowns, and the page's nominations
    assert (figures["started"], figures["complete"], figures["screened"], figures["scored"]) == (4, 3, 3, 1)
    assert figures["by_nomination"] == [{"name": "E-services", "count": 1}, {"name": "E-democracy", "count": 2}]
    assert {row["name"]: row["count"] for row in figures["by_region"]} == {
        "Vinnytsia Oblast": 1,
        "Poltava Oblast": 1,
        "Lviv Oblast": 1,
    }
