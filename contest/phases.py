"""The contest's phases, worked out from its dates (never stored), and the check of their order.

``DATE_FIELDS`` names the contest's dates in the order they must come; ``phase`` says which phase a
moment falls in, so the page and the home section cannot disagree with the dates.
"""

from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATE_FIELDS = ("announcement_at", "submissions_open_at", "submissions_close_at", "evaluation_close_at", "results_at")

DATE_LABELS = {
    "announcement_at": _("Announcement"),
    "submissions_open_at": _("Submissions open"),
    "submissions_close_at": _("Submission deadline"),
    "evaluation_close_at": _("End of expert evaluation"),
    "results_at": _("Results"),
}

# The phase that starts at each date, in order; before the first date the contest is not yet announced.
PHASES = {
    "announcement_at": ("announced", _("announced")),
    "submissions_open_at": ("open", _("submissions open")),
    "submissions_close_at": ("evaluation", _("expert evaluation")),
    "evaluation_close_at": ("awaiting_results", _("awaiting results")),
    "results_at": ("results", _("results")),
}


def check_order(dates):
    """Raise ``ValidationError`` on the first date (a dict of ``DATE_FIELDS``) not after the one before."""
    for previous, field in pairwise(DATE_FIELDS):
        if dates[previous] and dates[field] and dates[field] <= dates[previous]:
            message = _("%(field)s must come after %(previous)s.")
            names = {"field": DATE_LABELS[field], "previous": DATE_LABELS[previous]}
            raise ValidationError({field: ValidationError(message, params=names)})


def phase(dates, now):
    """Return the code of the phase ``now`` falls in, or None before the announcement."""
    current = None
    for field in DATE_FIELDS:
        if dates[field] and dates[field] <= now:
            current = PHASES[field][0]
    return current
