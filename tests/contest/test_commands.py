"""The scoresheet round trip (export, fill in, import, results) and every refusal of the import."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from contest.models import Score


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def sheet(jury):
    a = jury.expert("anna", organisation="A")
    b = jury.expert("bohdan", organisation="B")
    one, two = jury.entry(key="e-one"), jury.entry(key="e-two")
    for entry in (one, two):
        jury.assign(entry, a)
        jury.assign(entry, b)
    Score.objects.create(assignment=one.assignments.get(expert=a), criterion=jury.impact, value=5, comment="Так")
    return jury


def test_export_lists_one_row_per_expert_entry_and_criterion(sheet):
    lines = run("export_scoresheet", "jury-contest").splitlines()
    assert lines[0] == "expert,entry,nomination,criterion,weight,min,max,score"
    assert lines[1:] == [
        "anna,e-one,e-services,impact,60,1,5,5",
        "anna,e-one,e-services,cost,40,0,10,",
        "anna,e-two,e-services,impact,60,1,5,",
        "anna,e-two,e-services,cost,40,0,10,",
        "bohdan,e-one,e-services,impact,60,1,5,",
        "bohdan,e-one,e-services,cost,40,0,10,",
        "bohdan,e-two,e-services,impact,60,1,5,",
        "bohdan,e-two,e-services,cost,40,0,10,",
    ]


def test_round_trip_in_any_phase_idempotent_and_logged(sheet, tmp_path):
    lines = run("export_scoresheet", "jury-contest").splitlines()
    scores = ["5", "10", "3", "10", "3", "5", "5", "0"]  # totals: anna 100, 70; bohdan 50, 60
    filled = [lines[0]] + [line[: line.rindex(",") + 1] + score for line, score in zip(lines[1:], scores, strict=True)]
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    with time_machine.travel(timezone.now() + timedelta(days=30)), translation.override("en"):  # results phase
        assert run("import_scores", "jury-contest", str(path)).strip() == "Scores imported: 7 changed."
        assert run("import_scores", "jury-contest", str(path)).strip() == "Scores imported: 0 changed."
    assert Score.objects.count() == 8
    assert PageLogEntry.objects.filter(page=sheet.contest, action="contest.import_scores").count() == 1
    assert run("export_scoresheet", "jury-contest").splitlines() == filled
    assert run("contest_results", "jury-contest").splitlines() == [
        "nomination,rank,entry,score,experts",
        "e-services,1,e-one,75.0000,2",
        "e-services,2,e-two,65.0000,2",
    ]
    # z-scores: anna +1 on e-one, -1 on e-two; bohdan -1 and +1: both entries average 0 and tie.
    zscore = [line.split(",") for line in run("contest_results", "jury-contest", "--method", "zscore").splitlines()]
    assert [(rank, entry, abs(float(score))) for _nomination, rank, entry, score, _experts in zscore[1:]] == [
        ("1", "e-one", 0),
        ("1", "e-two", 0),
    ]


def test_results_methods_and_ties(sheet, tmp_path):
    rows = [
        "expert,entry,nomination,criterion,weight,min,max,score",
        "anna,e-one,e-services,impact,60,1,5,5",
        "anna,e-one,e-services,cost,40,0,10,10",
        "anna,e-two,e-services,impact,60,1,5,5",
        "anna,e-two,e-services,cost,40,0,10,10",
    ]
    path = tmp_path / "tie.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run("import_scores", "jury-contest", str(path))
    for method in ("mean", "median", "zscore"):
        lines = run("contest_results", "jury-contest", "--method", method).splitlines()[1:]
        assert [line.split(",")[1] for line in lines] == ["1", "1"], method


def test_every_refusal_is_reported_and_nothing_is_imported(sheet, tmp_path):
    sheet.expert("idle", organisation="C")
    rows = [
        "expert,entry,nomination,criterion,weight,min,max,score",
        "anna,e-one,e-services,cost,40,0,10,7",  # valid, yet not imported
        "nobody,e-one,e-services,cost,40,0,10,7",
        "anna,e-none,e-services,cost,40,0,10,7",
        "idle,e-one,e-services,cost,40,0,10,7",
        "anna,e-two,e-services,speed,40,0,10,7",
        "anna,e-two,other,cost,40,0,10,7",
        "anna,e-two,e-services,cost,40,0,10,11",
        "anna,e-two,e-services,impact,60,1,5,0",
        "bohdan,e-two,e-services,impact,60,1,5,four",
        "anna,e-one,e-services,cost,40,0,10,8",
    ]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="Nothing imported: 9 rows have errors"):
        call_command("import_scores", "jury-contest", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "line 3: expert: no user “nobody”",
        "line 4: entry: no entry “e-none” in this contest",
        "line 5: entry: e-one is not assigned to idle",
        "line 6: criterion: no criterion “speed” in this nomination",
        "line 7: nomination: e-two is not in the nomination “other”",
        "line 8: score: 11 is outside the scale 0–10",
        "line 9: score: 0 is outside the scale 1–5",
        "line 10: score: “four” is not a whole number",
        "line 11: criterion: the same score again (first on line 2)",
    ]
    assert Score.objects.count() == 1


def test_missing_columns_unknown_contest_and_unreadable_file(sheet, tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("expert,entry,score\n", encoding="utf-8")
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("import_scores", "jury-contest", str(path), stderr=err)
    assert "line 1: nomination: no such column" in err.getvalue().splitlines()
    with translation.override("en"):
        for command in (
            ("export_scoresheet", "nope"),
            ("contest_results", "nope"),
            ("import_scores", "nope", str(path)),
        ):
            with pytest.raises(CommandError, match="No contest with the slug “nope”"):
                call_command(*command)
        with pytest.raises(CommandError, match="Cannot read"):
            call_command("import_scores", "jury-contest", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError):
        call_command("contest_results", "jury-contest", "--method", "best")
