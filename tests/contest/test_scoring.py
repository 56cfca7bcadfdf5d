"""Scoring: drafts, submitting, the lock outside the evaluation phase, hidden scores, the ranking."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from contest.models import Score
from contest.scoring import ScoringClosed, leaderboard, other_scores, save_scores, totals


@pytest.fixture
def scored(jury):
    expert = jury.expert("first", organisation="Інша")
    entry = jury.entry(key="e-scored")
    return jury.assign(entry, expert)


def values(jury, impact=4, cost=5, comment="Добре обґрунтовано"):
    return {jury.impact: (impact, comment), jury.cost: (cost, comment)}


def test_draft_then_update_then_submit_then_refused(jury, scored):
    save_scores(scored, {jury.impact: (3, "Спершу")}, scored.expert)
    save_scores(scored, {jury.impact: (4, "Подумавши")}, scored.expert)  # the same criterion: an update
    score = Score.objects.get(assignment=scored)
    assert (score.value, score.comment) == (4, "Подумавши")
    save_scores(scored, values(jury), scored.expert, submit=True)
    scored.refresh_from_db()
    assert scored.submitted_at is not None and scored.scores.count() == 2
    with translation.override("en"), pytest.raises(ScoringClosed, match="submitted and can no longer be changed"):
        save_scores(scored, values(jury, impact=1), scored.expert)
    assert Score.objects.get(assignment=scored, criterion=jury.impact).value == 4


def test_off_scale_missing_comment_and_incomplete_submission_refused(jury, scored):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        save_scores(scored, {jury.impact: (6, "x"), jury.cost: (5, " ")}, scored.expert)
    assert error.value.message_dict == {
        "impact": ["Score 6 is outside the scale 1–5 of “Вплив”."],
        "cost": ["Write a comment for this score."],
    }
    with translation.override("en"), pytest.raises(ValidationError) as error:
        save_scores(scored, {jury.impact: (5, "x")}, scored.expert, submit=True)
    assert error.value.message_dict == {"cost": ["Score this criterion before submitting."]}
    assert not Score.objects.exists()
    scored.refresh_from_db()
    assert scored.submitted_at is None


@pytest.mark.parametrize("days", [-10, 6])
def test_scores_locked_before_and_after_the_evaluation_phase(jury, scored, days):
    with time_machine.travel(timezone.now() + timedelta(days=days)), translation.override("en"):
        with pytest.raises(ScoringClosed, match="not in its evaluation phase"):
            save_scores(scored, values(jury), scored.expert)
    assert not Score.objects.exists()


def test_other_scores_hidden_until_ones_own_are_submitted(jury, scored):
    colleague = jury.expert("second", organisation="Третя")
    theirs = jury.score(jury.assign(scored.entry, colleague), 5, 10)
    assert list(other_scores(scored)) == []
    save_scores(scored, values(jury), scored.expert, submit=True)
    scored.refresh_from_db()
    assert {score.assignment_id for score in other_scores(scored)} == {theirs.pk}


def test_ranking_over_the_database_computed_by_hand(jury):
    """Totals: impact 1..5 weighs 60, cost 0..10 weighs 40; (impact - 1) / 4 * 60 + cost / 10 * 40."""
    a = jury.expert("a", organisation="A")
    b = jury.expert("b", organisation="B")
    one, two, three = jury.entry(key="e-1"), jury.entry(key="e-2"), jury.entry(key="e-3")
    jury.score(jury.assign(one, a), 5, 10)  # 100
    jury.score(jury.assign(one, b), 3, 5)  # 30 + 20 = 50
    jury.score(jury.assign(two, a), 3, 10)  # 30 + 40 = 70
    jury.score(jury.assign(two, b), 5, 0)  # 60 → mean 65, ties with e-3
    jury.score(jury.assign(three, a), 4, 5)  # 45 + 20 = 65
    jury.score(jury.assign(three, b), 1, 0, submit=False)  # a draft: not counted
    jury.assign(three, jury.expert("c", organisation="C"), submitted=True)  # submitted with nothing: not counted
    assert sorted(totals(jury.contest, jury.nomination)) == sorted(
        [(a.pk, "e-1", 100), (b.pk, "e-1", 50), (a.pk, "e-2", 70), (b.pk, "e-2", 60), (a.pk, "e-3", 65)]
    )
    rows = leaderboard(jury.contest, "mean")
    assert [(row.rank, row.entry.key, row.score, row.experts) for row in rows] == [
        (1, "e-1", 75, 2),
        (2, "e-2", 65, 2),
        (2, "e-3", 65, 1),
    ]
    assert (rows[0].lowest, rows[0].highest, rows[0].deviation) == (50, 100, 25)
    # z-scores: a's totals 100, 70, 65 (mean 78.33); b's 50, 60 (mean 55, sd 5) → e-1 -1, e-2 +1.
    zscores = {row.entry.key: row.score for row in leaderboard(jury.contest, "zscore")}
    sd_a = (((100 - 235 / 3) ** 2 + (70 - 235 / 3) ** 2 + (65 - 235 / 3) ** 2) / 3) ** 0.5
    assert zscores == pytest.approx(
        {
            "e-1": ((100 - 235 / 3) / sd_a - 1) / 2,
            "e-2": ((70 - 235 / 3) / sd_a + 1) / 2,
            "e-3": (65 - 235 / 3) / sd_a,
        }
    )
    assert {row.entry.key: row.score for row in leaderboard(jury.contest, "median")} == {
        "e-1": 75,
        "e-2": 65,
        "e-3": 65,
    }
