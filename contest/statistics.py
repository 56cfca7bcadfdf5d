"""Public figures of a contest: how many entries, where from, and how far the jury has got.

Shown on the contest page, so they count only what may be public at any phase (numbers, never names
or decisions) and take four queries whatever the number of entries: one for the totals, one for each
breakdown.
"""

from django.db.models import Count, Exists, OuterRef, Q

from practices.models.cases import Level

# The submodules, not the package: the contest page imports this module while the package loads.
from .models.entries import Entry
from .models.jury import Assignment


def entry_statistics(entries, nominations, language_code):
    """Counts of ``entries`` (one contest's ``Entry`` queryset) for its page in ``language_code``.

    ``nominations`` are the page's own rows, in its language and order: each is listed, with 0 where
    no entry is in it.

    ``started`` counts drafts and submitted entries; the breakdowns count submitted ones (``complete``);
    ``screened`` are submitted entries the organisers have screened; ``scored``, submitted entries with
    experts assigned who have all submitted their scores.
    """
    is_submitted = Q(status=Entry.Status.SUBMITTED)
    submitted = entries.filter(is_submitted)
    assigned = Assignment.objects.filter(entry=OuterRef("pk"))
    totals = entries.exclude(status=Entry.Status.WITHDRAWN).aggregate(
        started=Count("pk"),
        complete=Count("pk", filter=is_submitted),
        screened=Count("pk", filter=is_submitted & ~Q(screening=Entry.Screening.PENDING)),
        scored=Count(
            "pk", filter=is_submitted & Q(Exists(assigned)) & ~Q(Exists(assigned.filter(submitted_at__isnull=True)))
        ),
    )
    name = "name_en" if language_code == "en" else "name_uk"
    by_nomination = dict(submitted.values_list("nomination__key").annotate(count=Count("pk")).order_by())
    by_region = (
        submitted.values("participant__region__code", f"participant__region__{name}")
        .annotate(count=Count("pk"))
        .order_by("-count", f"participant__region__{name}")
    )
    by_level = submitted.values("participant__level").annotate(count=Count("pk")).order_by("-count")
    levels = dict(Level.choices)
    return {
        **totals,
        "by_nomination": [
            {"name": nomination.name, "count": by_nomination.get(nomination.key, 0)} for nomination in nominations
        ],
        "by_region": [
            {
                "code": row["participant__region__code"],
                "name": row[f"participant__region__{name}"],
                "count": row["count"],
            }
            for row in by_region
        ],
        "by_level": [
            {"level": row["participant__level"], "name": levels.get(row["participant__level"]), "count": row["count"]}
            for row in by_level
        ],
    }
