"""Experts' scores: saving and submitting them, who sees whose, and the ranking they add up to.

An expert scores while the contest is in its evaluation phase and until they submit; the server
refuses anything else, so a form opened before the phase ended cannot slip a score in after it. A
second score for the same criterion is an update of the draft, refused once submitted. Other
experts' scores of an entry are shown to an expert only after their own are submitted, so nobody
anchors on a colleague's figure.

The ranking counts only submitted assignments with every criterion of the entry's nomination
scored: each gives one weighted total (``ranking.weighted_total``), and the totals of a
nomination's entries are ranked by the chosen method.
"""

from collections import defaultdict
from dataclasses import dataclass
from statistics import pstdev

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import ranking
from .models import Assignment, Score

SCORING_PHASE = "evaluation"


class ScoringClosed(Exception):
    """Scores may not be changed now: outside the evaluation phase, or already submitted."""


def scoring_open(contest):
    return contest.source.phase == SCORING_PHASE


def can_change_scores(assignment):
    return scoring_open(assignment.entry.contest) and assignment.submitted_at is None


def save_scores(assignment, values, user, submit=False):
    """Save ``values`` (``{criterion: (score, comment)}``) as the expert's draft, and submit if asked.

    Raises ``ScoringClosed`` when scoring is not open for this assignment, and ``ValidationError``
    (keyed by criterion key) for a score off the scale, a missing comment, or, when submitting, a
    criterion left unscored; nothing is saved then.
    """
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().select_related("entry__contest").get(pk=assignment.pk)
        if not scoring_open(assignment.entry.contest):
            raise ScoringClosed(_("Scoring is closed: the contest is not in its evaluation phase."))
        if assignment.submitted_at is not None:
            raise ScoringClosed(_("These scores were submitted and can no longer be changed."))
        existing = {score.criterion_id: score for score in assignment.scores.all()}
        errors = {}
        pending = []
        for criterion, (value, comment) in values.items():
            score = existing.get(criterion.pk) or Score(assignment=assignment, criterion=criterion)
            score.value, score.comment = value, (comment or "").strip()
            try:
                score.clean()
            except ValidationError as error:
                errors[criterion.key] = [message for messages in error.message_dict.values() for message in messages]
                continue
            pending.append(score)
        if submit:
            scored = {score.criterion_id for score in pending} | set(existing)
            for criterion in assignment.entry.nomination.criteria():
                if criterion.pk not in scored:
                    errors.setdefault(criterion.key, []).append(_("Score this criterion before submitting."))
        if errors:
            raise ValidationError(errors)
        for score in pending:
            score.save()
        if submit:
            assignment.submitted_at = timezone.now()
            assignment.save(update_fields=["submitted_at"])
        action = "contest.submit_scores" if submit else "contest.score"
        log(assignment.entry, action, user=user, data={"expert": assignment.expert.get_username()})
    return assignment


def others_visible(assignment):
    """An expert sees colleagues' scores of the entry only once their own are submitted."""
    return assignment.submitted_at is not None


def other_scores(assignment):
    """The other experts' submitted scores of the same entry, for an expert who submitted theirs."""
    if not others_visible(assignment):
        return Score.objects.none()
    return (
        Score.objects.filter(assignment__entry=assignment.entry, assignment__submitted_at__isnull=False)
        .exclude(assignment=assignment)
        .select_related("assignment__expert", "criterion")
        .order_by("assignment__expert__username", "criterion__sort_order")
    )


def criteria_table(nomination):
    """``{criterion pk: (weight, min, max)}`` for ``ranking.weighted_total``."""
    return {
        criterion.pk: (criterion.weight, criterion.min_score, criterion.max_score)
        for criterion in nomination.criteria()
    }


def totals(contest, nomination):
    """``[(expert pk, entry key, weighted total)]`` of the nomination's complete, submitted assignments."""
    table = criteria_table(nomination)
    values = defaultdict(dict)
    experts = {}
    rows = Score.objects.filter(
        assignment__entry__contest=contest.source,
        assignment__entry__nomination=nomination,
        assignment__submitted_at__isnull=False,
    ).values_list("assignment_id", "assignment__expert_id", "assignment__entry__key", "criterion_id", "value")
    for assignment_id, expert_id, entry_key, criterion_id, value in rows:
        values[assignment_id][criterion_id] = value
        experts[assignment_id] = (expert_id, entry_key)
    result = []
    for assignment_id, scores in values.items():
        if set(table) <= set(scores):
            expert_id, entry_key = experts[assignment_id]
            scores = {pk: value for pk, value in scores.items() if pk in table}
            result.append((expert_id, entry_key, ranking.weighted_total(scores, table)))
    return result


@dataclass
class LeaderboardRow:
    nomination: object
    rank: int
    entry: object
    score: float
    experts: int
    lowest: float
    highest: float
    deviation: float


def leaderboard(contest, method="mean"):
    """Every nomination's ranked entries with the number of experts and the spread of their totals."""
    from .models import Entry

    contest = contest.source
    rows = []
    for nomination in contest.nominations.all():
        scores = totals(contest, nomination)
        by_entry = defaultdict(list)
        for _expert, entry_key, total in scores:
            by_entry[entry_key].append(total)
        entries = Entry.objects.in_bulk(list(by_entry), field_name="key")
        for position, entry_key, score in ranking.rank(ranking.scores_by(method, scores)):
            entry_totals = by_entry[entry_key]
            rows.append(
                LeaderboardRow(
                    nomination=nomination,
                    rank=position,
                    entry=entries[entry_key],
                    score=score,
                    experts=len(entry_totals),
                    lowest=min(entry_totals),
                    highest=max(entry_totals),
                    deviation=pstdev(entry_totals),
                )
            )
    return rows
