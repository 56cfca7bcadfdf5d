"""Giving entries to experts: by hand, from a CSV file, or automatically, never to a conflicted expert.

An expert may not get an entry from their own organisation (compared without regard to case and
spacing) or their own region, nor one they declared a conflict with or abstained on. Every way of
assigning goes through ``refusal`` so the rule is the same for the organiser's form, the CSV and the
automatic run.

The automatic run gives each eligible submitted entry ``experts_per_entry`` experts of its
nomination's panel. Entries with the fewest allowed experts go first, and each takes the least
loaded of its allowed experts, so loads stay balanced (max − min ≤ 1) wherever the conflicts leave
room. It keeps the assignments already made and counts them in the loads, so running it again
changes nothing.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Assignment, Conflict, Entry, ExpertProfile
from .models.jury import EXPERTS_GROUP

CSV_COLUMNS = ("expert", "entry")


def normalise_organisation(name):
    """``"  Вінницька  міська рада"`` and ``"вінницька міська РАДА"`` name the same organisation."""
    return " ".join((name or "").split()).casefold()


def assignable_entries(contest):
    """The entries the jury evaluates: submitted, screened eligible, with a nomination."""
    return Entry.objects.filter(
        contest=contest.source,
        status=Entry.Status.SUBMITTED,
        screening=Entry.Screening.ELIGIBLE,
        nomination__isnull=False,
    )


def refusal(expert, entry):
    """Why ``expert`` may not be given ``entry``, or None when they may."""
    if not expert.groups.filter(name=EXPERTS_GROUP).exists():
        return _("%(user)s is not a member of the experts' group.") % {"user": expert.get_username()}
    if entry.status != Entry.Status.SUBMITTED or entry.screening == Entry.Screening.INELIGIBLE:
        return _("Entry %(entry)s is not a submitted, eligible entry.") % {"entry": entry.key}
    declared = Conflict.objects.filter(entry=entry, expert=expert).first()
    if declared:
        return _("%(user)s declared on %(entry)s: %(kind)s.") % {
            "user": expert.get_username(),
            "entry": entry.key,
            "kind": declared.get_kind_display(),
        }
    profile = ExpertProfile.objects.filter(user=expert).first()
    participant = entry.participant
    if (
        profile
        and profile.organisation
        and (normalise_organisation(profile.organisation) == normalise_organisation(participant.organisation))
    ):
        return _("%(user)s works for the participant's organisation.") % {"user": expert.get_username()}
    if profile and profile.region_id and profile.region_id == participant.region_id:
        return _("%(user)s is from the participant's region.") % {"user": expert.get_username()}
    if Assignment.objects.filter(entry=entry, expert=expert).exists():
        return _("%(entry)s is already assigned to %(user)s.") % {"entry": entry.key, "user": expert.get_username()}
    return None


def log_assignment(assignment, user):
    log(
        assignment.entry,
        "contest.assign",
        user=user,
        data={"expert": assignment.expert.get_username(), "method": assignment.method},
    )


def assign(expert, entry, user, method=Assignment.Method.MANUAL):
    """Assign ``entry`` to ``expert``; return the assignment, or raise ``ValueError`` with the refusal."""
    reason = refusal(expert, entry)
    if reason:
        raise ValueError(reason)
    assignment = Assignment.objects.create(entry=entry, expert=expert, method=method)
    log_assignment(assignment, user)
    return assignment


def parse_assignments_csv(contest, text):
    """Check every row of a CSV of ``expert,entry`` pairs; return ``(pairs, errors)``.

    ``errors`` are ``line N: column: reason`` strings; ``pairs`` are ``(user, entry)`` and only
    worth using when there are no errors.
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        return [], [_("line 1: %(column)s: no such column") % {"column": column} for column in missing]
    users = get_user_model().objects
    entries = {entry.key: entry for entry in Entry.objects.filter(contest=contest.source).select_related("participant")}
    pairs, errors, seen = [], [], set()
    for line, row in enumerate(reader, start=2):
        username, key = (row["expert"] or "").strip(), (row["entry"] or "").strip()
        expert = users.filter(username=username).first()
        entry = entries.get(key)
        if expert is None:
            errors.append(_("line %(line)s: expert: no user “%(value)s”") % {"line": line, "value": username})
        if entry is None:
            errors.append(
                _("line %(line)s: entry: no entry “%(value)s” in this contest") % {"line": line, "value": key}
            )
        if expert is None or entry is None:
            continue
        if (expert.pk, entry.pk) in seen:
            errors.append(_("line %(line)s: entry: the same pair again") % {"line": line})
            continue
        seen.add((expert.pk, entry.pk))
        reason = refusal(expert, entry)
        if reason:
            errors.append(_("line %(line)s: expert: %(reason)s") % {"line": line, "reason": reason})
            continue
        pairs.append((expert, entry))
    return pairs, errors


def import_assignments_csv(contest, text, user):
    """Assign every pair of the CSV, or none when any row is wrong; return ``(created, errors)``."""
    pairs, errors = parse_assignments_csv(contest, text)
    if errors:
        return 0, errors
    with transaction.atomic():
        for expert, entry in pairs:
            assignment = Assignment.objects.create(entry=entry, expert=expert, method=Assignment.Method.CSV)
            log_assignment(assignment, user)
    return len(pairs), []


@dataclass
class AutomaticReport:
    created: int = 0
    short: list = field(default_factory=list)  # [(entry, experts it has, experts wanted)]
    loads: dict = field(default_factory=dict)  # {expert: assignments in this contest}


def assign_automatically(contest, user=None):
    """Give each assignable entry its experts from its nomination's panel; return an ``AutomaticReport``."""
    contest = contest.source
    wanted = contest.experts_per_entry
    entries = list(assignable_entries(contest).select_related("participant", "nomination"))
    panels = defaultdict(list)
    profiles = {}
    nomination_ids = {entry.nomination_id for entry in entries}
    User = get_user_model()
    experts = (
        User.objects.filter(groups__name=EXPERTS_GROUP, is_active=True, jury_panels__nomination__in=nomination_ids)
        .values_list("pk", "jury_panels__nomination")
        .distinct()
    )
    for expert_id, nomination_id in experts:
        panels[nomination_id].append(expert_id)
    for profile in ExpertProfile.objects.filter(user__in={pk for pks in panels.values() for pk in pks}):
        profiles[profile.user_id] = (normalise_organisation(profile.organisation), profile.region_id)
    barred = set(Conflict.objects.filter(entry__contest=contest).values_list("entry_id", "expert_id"))
    existing = defaultdict(set)
    loads = defaultdict(int)
    for entry_id, expert_id in Assignment.objects.filter(entry__contest=contest).values_list("entry_id", "expert_id"):
        existing[entry_id].add(expert_id)
        loads[expert_id] += 1

    def allowed(entry):
        organisation = normalise_organisation(entry.participant.organisation)
        region = entry.participant.region_id
        result = []
        for expert_id in panels[entry.nomination_id]:
            expert_organisation, expert_region = profiles.get(expert_id, ("", None))
            if (entry.pk, expert_id) in barred or expert_id in existing[entry.pk]:
                continue
            if (expert_organisation and expert_organisation == organisation) or (
                expert_region and expert_region == region
            ):
                continue
            result.append(expert_id)
        return result

    candidates = {entry.pk: allowed(entry) for entry in entries}
    report = AutomaticReport()
    new = []
    # The most constrained entries choose first, while the experts they can have are still free.
    for entry in sorted(entries, key=lambda entry: (len(candidates[entry.pk]), entry.pk)):
        needed = wanted - len(existing[entry.pk])
        if needed <= 0:
            continue
        chosen = sorted(candidates[entry.pk], key=lambda expert_id: (loads[expert_id], expert_id))[:needed]
        for expert_id in chosen:
            loads[expert_id] += 1
            existing[entry.pk].add(expert_id)
            new.append(Assignment(entry=entry, expert_id=expert_id, method=Assignment.Method.AUTOMATIC))
        if len(existing[entry.pk]) < wanted:
            report.short.append((entry, len(existing[entry.pk]), wanted))
    with transaction.atomic():
        Assignment.objects.bulk_create(new, batch_size=500)
        if new:
            log(contest, "contest.assign_automatic", user=user, data={"created": len(new)})
    report.created = len(new)
    report.loads = dict(loads)
    return report
