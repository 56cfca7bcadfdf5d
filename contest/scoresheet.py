"""The scoresheet CSV organisers score offline with: written by ``export_scoresheet``, read back by
``import_scores``.

Columns: ``expert,entry,nomination,criterion,weight,min,max,score``; one row per assigned expert,
entry and criterion (the criterion's key), ``score`` empty where not scored. ``weight``, ``min``
and ``max`` are there for the person filling the sheet; the import checks scores against the
contest's own scale, not against those cells.

Comments: the scoresheet has no comment column, since an organiser transcribes figures, not the
experts' reasoning. An optional ``comment`` column is read when present; without it an existing
comment is kept, and a new score gets an empty one (the experts' form is where comments are
mandatory). An assignment whose every criterion is scored after the import counts as submitted,
since the organisers import final sheets. The import works in any phase: it is the organisers'
tool for correcting and completing the record.
"""

import csv
import io

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from .models import Assignment, ContestPage, Score

COLUMNS = ("expert", "entry", "nomination", "criterion", "weight", "min", "max", "score")


class ContestNotFound(Exception):
    pass


def contest_by_slug(slug):
    """The contest whose page in the default language has ``slug``."""
    contest = ContestPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if contest is None:
        raise ContestNotFound(_("No contest with the slug “%(slug)s”.") % {"slug": slug})
    return contest


def write_scoresheet(contest, out):
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    assignments = (
        Assignment.objects.filter(entry__contest=contest.source, entry__nomination__isnull=False)
        .select_related("expert", "entry__nomination")
        .prefetch_related("scores")
        .order_by("expert__username", "entry__key")
    )
    criteria_by_nomination = {nomination.pk: nomination.criteria() for nomination in contest.source.nominations.all()}
    for assignment in assignments:
        scores = {score.criterion_id: score.value for score in assignment.scores.all()}
        for criterion in criteria_by_nomination[assignment.entry.nomination_id]:
            writer.writerow(
                [
                    assignment.expert.get_username(),
                    assignment.entry.key,
                    assignment.entry.nomination.key,
                    criterion.key,
                    criterion.weight,
                    criterion.min_score,
                    criterion.max_score,
                    scores.get(criterion.pk, ""),
                ]
            )


def _error(line, column, reason):
    return _("line %(line)s: %(column)s: %(reason)s") % {"line": line, "column": column, "reason": reason}


def parse_scoresheet(contest, text):
    """Check every row; return ``(rows, errors)`` with rows ``(assignment, criterion, value, comment)``."""
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    missing = [column for column in COLUMNS if column not in fields]
    if missing:
        return [], [_error(1, column, _("no such column")) for column in missing]
    has_comment = "comment" in fields
    contest = contest.source
    users = {
        user.username: user for user in get_user_model().objects.filter(contest_assignments__entry__contest=contest)
    }
    assignments = {
        (assignment.expert_id, assignment.entry.key): assignment
        for assignment in Assignment.objects.filter(entry__contest=contest).select_related("entry__nomination")
    }
    entries = {assignment.entry.key: assignment.entry for assignment in assignments.values()}
    entries.update({entry.key: entry for entry in contest.entries.select_related("nomination")})
    criteria = {
        nomination.pk: {criterion.key: criterion for criterion in nomination.criteria()}
        for nomination in contest.nominations.all()
    }
    rows, errors, seen = [], [], {}
    for line, row in enumerate(reader, start=2):
        username, key = (row["expert"] or "").strip(), (row["entry"] or "").strip()
        criterion_key, raw = (row["criterion"] or "").strip(), (row["score"] or "").strip()
        user = users.get(username) or get_user_model().objects.filter(username=username).first()
        entry = entries.get(key)
        if user is None:
            errors.append(_error(line, "expert", _("no user “%(value)s”") % {"value": username}))
        if entry is None:
            errors.append(_error(line, "entry", _("no entry “%(value)s” in this contest") % {"value": key}))
        if user is None or entry is None:
            continue
        assignment = assignments.get((user.pk, key))
        if assignment is None:
            errors.append(
                _error(line, "entry", _("%(entry)s is not assigned to %(user)s") % {"entry": key, "user": username})
            )
            continue
        nomination_key = (row["nomination"] or "").strip()
        if entry.nomination is None or nomination_key != entry.nomination.key:
            message = _("%(entry)s is not in the nomination “%(value)s”") % {"entry": key, "value": nomination_key}
            errors.append(_error(line, "nomination", message))
            continue
        criterion = criteria[entry.nomination_id].get(criterion_key)
        if criterion is None:
            message = _("no criterion “%(value)s” in this nomination") % {"value": criterion_key}
            errors.append(_error(line, "criterion", message))
            continue
        if (assignment.pk, criterion.pk) in seen:
            message = _("the same score again (first on line %(line)s)") % {"line": seen[assignment.pk, criterion.pk]}
            errors.append(_error(line, "criterion", message))
            continue
        seen[assignment.pk, criterion.pk] = line
        if not raw:
            continue  # not scored yet
        try:
            value = int(raw)
        except ValueError:
            errors.append(_error(line, "score", _("“%(value)s” is not a whole number") % {"value": raw}))
            continue
        if not criterion.min_score <= value <= criterion.max_score:
            message = _("%(value)s is outside the scale %(min)s–%(max)s") % {
                "value": value,
                "min": criterion.min_score,
                "max": criterion.max_score,
            }
            errors.append(_error(line, "score", message))
            continue
        comment = (row.get("comment") or "").strip() if has_comment else ""
        rows.append((assignment, criterion, value, comment))
    return rows, errors


def import_scoresheet(contest, text):
    """Import every score of the sheet, or none when a row is wrong; return ``(changed, errors)``."""
    rows, errors = parse_scoresheet(contest, text)
    if errors:
        return 0, errors
    changed = 0
    with transaction.atomic():
        existing = {
            (score.assignment_id, score.criterion_id): score
            for score in Score.objects.filter(assignment__in={assignment.pk for assignment, *_rest in rows})
        }
        touched = {}
        for assignment, criterion, value, comment in rows:
            touched[assignment.pk] = assignment
            score = existing.get((assignment.pk, criterion.pk))
            if score is None:
                Score.objects.create(assignment=assignment, criterion=criterion, value=value, comment=comment)
            elif score.value != value or (comment and score.comment != comment):
                score.value = value
                score.comment = comment or score.comment
                score.save(update_fields=["value", "comment", "scored_at"])
            else:
                continue
            changed += 1
        for assignment in touched.values():
            needed = {criterion.pk for criterion in assignment.entry.nomination.criteria()}
            scored = set(assignment.scores.values_list("criterion_id", flat=True))
            if assignment.submitted_at is None and needed <= scored:
                assignment.submitted_at = timezone.now()
                assignment.save(update_fields=["submitted_at"])
        if changed:
            log(contest.source, "contest.import_scores", data={"rows": len(rows), "changed": changed})
    return changed, []


def write_results(contest, method, out):
    from .scoring import leaderboard

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("nomination", "rank", "entry", "score", "experts"))
    for row in leaderboard(contest, method):
        writer.writerow((row.nomination.key, row.rank, row.entry.key, f"{row.score:.4f}", row.experts))
