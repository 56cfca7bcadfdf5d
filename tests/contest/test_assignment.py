"""Assignment: never to a conflicted expert, loads balanced, idempotent; by hand and from a CSV."""

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry, PageLogEntry

from contest.assignment import assign, assign_automatically, import_assignments_csv
from contest.models import Assignment, Conflict


def pairs(contest):
    return set(Assignment.objects.filter(entry__contest=contest).values_list("expert__username", "entry__key"))


def test_automatic_assignment_respects_organisation_region_and_declared_conflicts(jury):
    jury.contest.experts_per_entry = 1
    jury.contest.save_revision().publish()
    jury.contest.refresh_from_db()
    # The participant is from "Вінницька міська рада", region UA-05 (Vinnytsia).
    entry = jury.entry(jury.participant("p", organisation="Вінницька міська рада", region="UA-05"), key="e-target")
    jury.expert("colleague", organisation="  вінницька   МІСЬКА рада ", region="UA-46")
    jury.expert("neighbour", organisation="Інша рада", region="UA-05")
    declared = jury.expert("declared", organisation="Третя рада", region="UA-46")
    abstained = jury.expert("abstained", organisation="Четверта рада", region="UA-46")
    Conflict.objects.create(entry=entry, expert=declared, kind=Conflict.Kind.CONFLICT)
    Conflict.objects.create(entry=entry, expert=abstained, kind=Conflict.Kind.ABSTAIN)
    jury.expert("free", organisation="Львівська міська рада", region="UA-46")
    report = assign_automatically(jury.contest)
    assert pairs(jury.contest) == {("free", "e-target")}
    assert report.created == 1 and report.short == []


def test_entries_that_cannot_get_enough_experts_are_reported(jury):
    entry = jury.entry(key="e-short")  # wants 2 experts
    jury.expert("only", organisation="Інша", region="UA-46")
    jury.expert("same-region", organisation="Інша", region="UA-05")
    report = assign_automatically(jury.contest)
    assert pairs(jury.contest) == {("only", "e-short")}
    assert report.short == [(entry, 1, 2)]


def test_loads_are_balanced_and_a_second_run_changes_nothing(jury):
    for number in range(7):
        jury.expert(f"expert{number}", organisation=f"Організація {number}", region="UA-46")
    entries = [jury.entry() for _number in range(10)]
    jury.entry(screening="pending")  # not screened: not assigned
    jury.entry(status="draft", submitted_at=None)  # not submitted: not assigned
    report = assign_automatically(jury.contest)
    assert report.created == 20 and report.short == []
    assert all(entry.assignments.count() == 2 for entry in entries)
    loads = list(report.loads.values())
    assert max(loads) - min(loads) <= 1 and sum(loads) == 20
    again = assign_automatically(jury.contest)
    assert again.created == 0 and Assignment.objects.count() == 20
    assert PageLogEntry.objects.filter(page=jury.contest, action="contest.assign_automatic").count() == 1


def test_existing_assignments_are_kept_and_counted_in_the_loads(jury):
    experts = [jury.expert(f"x{number}", organisation=f"O{number}", region="UA-46") for number in range(4)]
    entries = [jury.entry() for _number in range(4)]
    jury.assign(entries[0], experts[0])
    jury.assign(entries[1], experts[0])
    report = assign_automatically(jury.contest)
    assert report.created == 6
    assert entries[0].assignments.filter(expert=experts[0]).exists()
    loads = sorted(report.loads.values())
    assert loads == [2, 2, 2, 2]


def test_balancing_under_constraints(jury):
    """Two entries only experts A and B may take, and two anyone may: C and D take the free ones."""
    jury.contest.experts_per_entry = 1
    jury.contest.save_revision().publish()
    jury.contest.refresh_from_db()
    a = jury.expert("a", region="UA-46")
    b = jury.expert("b", region="UA-46")
    jury.expert("c", region="UA-32")
    jury.expert("d", region="UA-32")
    for number in range(2):
        jury.entry(jury.participant(f"kyiv{number}", region="UA-32"), key=f"e-kyiv{number}")
        jury.entry(jury.participant(f"vin{number}", region="UA-05"), key=f"e-vin{number}")
    assign_automatically(jury.contest)
    kyiv = Assignment.objects.filter(entry__key__startswith="e-kyiv").values_list("expert", flat=True)
    assert set(kyiv) == {a.pk, b.pk}
    assert sorted(Assignment.objects.values_list("expert__username", flat=True)) == ["a", "b", "c", "d"]


def test_manual_assignment_to_a_conflicted_expert_is_refused_with_a_message(jury):
    entry = jury.entry(jury.participant("p", organisation="Вінницька міська рада"))
    colleague = jury.expert("colleague", organisation="ВІННИЦЬКА міська рада")
    organiser = jury.organiser()
    with translation.override("en"), pytest.raises(ValueError, match="colleague works for the participant's"):
        assign(colleague, entry, organiser)
    fine = jury.expert("fine", organisation="Інша")
    assignment = assign(fine, entry, organiser)
    with translation.override("en"), pytest.raises(ValueError, match="already assigned to fine"):
        assign(fine, entry, organiser)
    log = ModelLogEntry.objects.get(action="contest.assign")
    assert log.user == organiser and log.object_id == str(entry.pk) and log.data["expert"] == "fine"
    assert assignment.method == "manual"


def test_csv_is_validated_whole_and_imports_nothing_on_any_error(jury):
    jury.expert("good", organisation="Інша")
    jury.expert("neighbour", organisation="Інша", region="UA-05")
    jury.entry(key="e-one")
    jury.entry(key="e-two")
    text = "expert,entry\ngood,e-one\nnobody,e-one\ngood,e-none\nneighbour,e-two\ngood,e-one\n"
    with translation.override("en"):
        created, errors = import_assignments_csv(jury.contest, text, jury.organiser())
    assert created == 0 and Assignment.objects.count() == 0
    assert errors == [
        "line 3: expert: no user “nobody”",
        "line 4: entry: no entry “e-none” in this contest",
        "line 5: expert: neighbour is from the participant's region.",
        "line 6: entry: the same pair again",
    ]
    with translation.override("en"):
        assert import_assignments_csv(jury.contest, "username,key\n", None)[1] == [
            "line 1: expert: no such column",
            "line 1: entry: no such column",
        ]
    created, errors = import_assignments_csv(jury.contest, "expert,entry\ngood,e-one\ngood,e-two\n", None)
    assert (created, errors) == (2, [])
    assert set(Assignment.objects.values_list("method", flat=True)) == {"csv"}
