"""The home page names the live contest with its current phase and next date, and nothing without one."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from contest.models import ContestPage

pytestmark = pytest.mark.django_db


def add_contest(home, start, title="Конкурс кейсів 2027", live=True):
    """A contest whose dates are a week apart from ``start`` on."""
    dates = {
        field: start + timedelta(days=7 * step)
        for step, field in enumerate(
            ("announcement_at", "submissions_open_at", "submissions_close_at", "evaluation_close_at", "results_at")
        )
    }
    contest = home.add_child(instance=ContestPage(title=title, slug=title.split()[-1], **dates))
    if live:
        contest.save_revision().publish()
    else:
        contest.unpublish()
    return contest


def banner(client):
    response = client.get("/uk/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".contest-banner")


def test_home_page_shows_the_contest_in_its_phase_with_the_next_date(client, site_tree):
    contest = add_contest(site_tree.home_uk, timezone.now() - timedelta(days=10))

    section = banner(client)

    assert section.h2.get_text() == "Конкурс кейсів 2027"
    assert section.select_one(".contest-banner__phase strong").get_text() == "приймання заявок"
    next_date = section.select_one(".contest-banner__next")
    assert next_date.get_text().startswith("Кінцевий термін подання")
    assert next_date.time["datetime"] == timezone.localtime(contest.submissions_close_at).isoformat()
    assert section.find("a")["href"] == contest.get_url()


def test_home_page_shows_nothing_of_a_contest_not_yet_announced_or_not_live(client, site_tree):
    add_contest(site_tree.home_uk, timezone.now() + timedelta(days=1), title="Майбутній 2028")
    add_contest(site_tree.home_uk, timezone.now() - timedelta(days=1), title="Чернетка 2029", live=False)

    assert banner(client) is None
