"""The jury's admin screens: screening, decisions, assignment, the expert's scoring form, the logs."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from contest.models import Assignment, Conflict, Entry


@pytest.fixture
def organiser_client(client, jury):
    client.force_login(jury.organiser())
    return client


def test_entry_list_filters_and_links_to_the_entry(organiser_client, jury):
    kept = jury.entry(title="Електронна черга", participant=jury.participant("p1", region="UA-05"))
    jury.entry(title="Відкритий бюджет", participant=jury.participant("p2", region="UA-46"))
    region = jury.region("UA-05")
    response = organiser_client.get(reverse("contest_entries:index"), {"region": region.pk, "screening": "eligible"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Електронна черга" in content and "Відкритий бюджет" not in content
    assert reverse("contest_entry", args=[kept.pk]) in content


def test_screening_needs_a_reason_when_not_eligible_and_is_logged(organiser_client, jury):
    entry = jury.entry(screening="pending")
    url = reverse("contest_entry_action", args=[entry.pk, "screen"])
    response = organiser_client.post(url, {"screen-screening": "ineligible", "screen-screening_reason": ""})
    assert response.status_code == 200 and "Say why the entry is not eligible" in response.content.decode()
    entry.refresh_from_db()
    assert entry.screening == "pending"
    response = organiser_client.post(url, {"screen-screening": "ineligible", "screen-screening_reason": "Не той рік"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.screening, entry.screening_reason) == ("ineligible", "Не той рік")
    log = ModelLogEntry.objects.get(action="contest.screen", object_id=str(entry.pk))
    assert log.user.username == "organiser" and log.data["screening"] == "ineligible"


def test_decision_only_for_an_eligible_entry_and_logged(organiser_client, jury):
    pending = jury.entry(screening="pending")
    url = reverse("contest_entry_action", args=[pending.pk, "decide"])
    assert "Only an eligible entry" in organiser_client.post(url, {"decide-award": "winner"}).content.decode()
    eligible = jury.entry()
    response = organiser_client.post(
        reverse("contest_entry_action", args=[eligible.pk, "decide"]), {"decide-award": "winner"}
    )
    assert response.status_code == 302
    assert Entry.objects.get(pk=eligible.pk).award == "winner"
    assert ModelLogEntry.objects.filter(action="contest.decide", object_id=str(eligible.pk)).exists()


def test_manual_assignment_of_a_conflicted_expert_refused_in_the_form(organiser_client, jury):
    entry = jury.entry(participant=jury.participant("p", region="UA-05"))
    neighbour = jury.expert("neighbour", organisation="Інша", region="UA-05")
    url = reverse("contest_entry_action", args=[entry.pk, "assign"])
    response = organiser_client.post(url, {"assign-expert": neighbour.pk})
    assert "neighbour is from the participant&#x27;s region." in response.content.decode()
    assert not Assignment.objects.exists()
    fine = jury.expert("fine", organisation="Інша", region="UA-46")
    assert organiser_client.post(url, {"assign-expert": fine.pk}).status_code == 302
    assignment = Assignment.objects.get()
    assert organiser_client.post(reverse("contest_unassign", args=[assignment.pk])).status_code == 302
    assert not Assignment.objects.exists()
    assert ModelLogEntry.objects.filter(action="contest.unassign").exists()


def test_csv_upload_lists_errors_and_assigns_nothing(organiser_client, jury):
    from django.core.files.uploadedfile import SimpleUploadedFile

    jury.expert("good", organisation="Інша")
    jury.entry(key="e-one")
    bad = SimpleUploadedFile("a.csv", b"expert,entry\ngood,e-one\nghost,e-one\n")
    response = organiser_client.post(reverse("contest_assign_csv"), {"contest": jury.contest.pk, "file": bad})
    assert "line 3: expert: no user “ghost”" in response.content.decode()
    assert not Assignment.objects.exists()
    good = SimpleUploadedFile("a.csv", b"expert,entry\ngood,e-one\n")
    response = organiser_client.post(reverse("contest_assign_csv"), {"contest": jury.contest.pk, "file": good})
    assert response.status_code == 302 and Assignment.objects.get().method == "csv"


def test_automatic_assignment_page_reports_short_entries(organiser_client, jury):
    jury.expert("only", organisation="Інша")
    entry = jury.entry(key="e-short")
    response = organiser_client.post(reverse("contest_assign_automatic"), {"contest": jury.contest.pk})
    assert response.status_code == 200
    assert "e-short" in response.content.decode() and entry.assignments.count() == 1


@pytest.fixture
def expert_setup(jury, client):
    expert = jury.expert("scorer", organisation="Інша")
    colleague = jury.expert("colleague", organisation="Третя")
    entry = jury.entry(title="Практика для оцінки")
    mine = jury.assign(entry, expert)
    jury.score(jury.assign(entry, colleague), 5, 10)
    client.force_login(expert)
    return mine, client


def scores_data(jury, impact="4", cost="7", comment="Обґрунтування"):
    return {"score_impact": impact, "comment_impact": comment, "score_cost": cost, "comment_cost": comment}


def test_expert_saves_a_draft_then_submits_and_then_sees_colleagues(expert_setup, jury):
    mine, client = expert_setup
    url = reverse("contest_assignment", args=[mine.pk])
    page = client.get(url).content.decode()
    assert "Практика для оцінки" in page and "Other experts' scores are shown once you submit" in page
    assert "colleague" not in page
    response = client.post(url, {**scores_data(jury, cost=""), "comment_cost": "", "save": ""})
    assert response.status_code == 302 and mine.scores.count() == 1
    response = client.post(url, {**scores_data(jury, comment=""), "submit": ""})
    assert response.status_code == 400 and "Write a comment for this score." in response.content.decode()
    assert client.post(url, {**scores_data(jury), "submit": ""}).status_code == 302
    mine.refresh_from_db()
    assert mine.submitted_at is not None
    page = client.get(url).content.decode()
    assert "colleague" in page and "You submitted your scores" in page
    client.post(url, {**scores_data(jury, impact="1"), "save": ""})
    assert mine.scores.get(criterion=jury.impact).value == 4


def test_the_form_is_read_only_and_the_server_refuses_after_the_evaluation_phase(expert_setup, jury):
    mine, client = expert_setup
    url = reverse("contest_assignment", args=[mine.pk])
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        page = client.get(url).content.decode()
        assert "the form is read-only now" in page and 'name="submit"' not in page
        response = client.post(url, {**scores_data(jury), "submit": ""})
    assert response.status_code == 302 and mine.scores.count() == 0


def test_declaring_a_conflict_ends_the_assignment_and_bars_it(expert_setup, jury):
    mine, client = expert_setup
    url = reverse("contest_assignment", args=[mine.pk])
    response = client.post(url, {"declare": "", "kind": "conflict", "reason": "Працював там"})
    assert response.status_code == 302
    assert not Assignment.objects.filter(pk=mine.pk).exists()
    assert Conflict.objects.get(expert=mine.expert).reason == "Працював там"
    assert client.get(url).status_code == 404
