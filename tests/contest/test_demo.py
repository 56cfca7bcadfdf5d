"""The demo contest: both languages, 25+ entries from several regions, released results naming library cases."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from contest.models import ContestPage, Entry, Score

pytestmark = pytest.mark.django_db


def load():
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_the_demo_contest_has_entries_scores_and_released_results_naming_library_cases(client):
    load()

    contest = ContestPage.objects.get(slug="contest-2013", locale__language_code="uk")
    entries = Entry.objects.filter(contest=contest)
    assert entries.count() >= 25
    assert entries.values("participant__region").distinct().count() >= 5
    assert Score.objects.filter(assignment__entry__contest=contest).exists()
    assert contest.results_public
    winner = entries.get(award="winner")
    assert winner.case is not None and winner.case.key == "vinnytsia-e-queue"
    for path in ("/uk/contest-2013/", "/en/contest-2013/", "/uk/contest-2013/results/", "/en/contest-2013/results/"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert winner.case.url in client.get("/uk/contest-2013/results/").content.decode()


def test_the_demo_contest_loaded_twice_changes_nothing():
    load()
    entries, scores, revisions = Entry.objects.count(), Score.objects.count(), Revision.objects.count()

    load()

    assert (Entry.objects.count(), Score.objects.count(), Revision.objects.count()) == (entries, scores, revisions)
