"""The steps of an entry's form, over the fields of the case interchange format, and what submitting needs.

Each step is a small form over some of ``Entry``'s fields (contest/forms.py builds them from ``fields``).
A step's POST is saved at once: the fields that validate go into the entry, and the whole input of a
step that does not validate is kept in ``Entry.unsaved`` and shown again with its errors, so nothing
typed is lost. ``missing`` lists, step by step, what the entry still lacks before it can be submitted.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    fields: tuple = ()
    required: tuple = ()  # of ``fields``: what submitting needs filled in


STEPS = (
    Step(1, _("Nomination"), ("nomination",), ("nomination",)),
    Step(
        2,
        _("About the practice"),
        ("title", "summary", "community", "year"),
        ("title", "summary", "community", "year"),
    ),
    Step(3, _("Problem"), ("problem",), ("problem",)),
    Step(4, _("Solution"), ("solution",), ("solution",)),
    Step(5, _("Results"), ("results", "indicators"), ("results",)),
    Step(6, _("Replicability"), ("replication",), ("replication",)),
    Step(7, _("Categories and links"), ("categories", "links", "video_url"), ("categories",)),
    Step(8, _("Documents and photos")),
    Step(9, _("Review and submit")),
)
FILES_STEP = 8
REVIEW_STEP = 9


def step(number):
    """The step of ``number``, or None when there is no such step."""
    return STEPS[number - 1] if 1 <= number <= len(STEPS) else None


def is_filled(entry, field):
    if field == "categories":
        return bool(entry.categories.all())  # prefetched by the views
    value = getattr(entry, field)
    return value not in (None, "", [], {})


def missing(entry):
    """``[(step, [field labels])]`` of what is missing or left unsaved, in step order; empty when complete."""
    from .models import Entry

    result = []
    for current in STEPS:
        empty = [field for field in current.required if not is_filled(entry, field)]
        labels = [Entry._meta.get_field(field).verbose_name for field in empty]
        if str(current.number) in entry.unsaved:
            labels.insert(0, _("input that did not validate is not saved yet"))
        if labels:
            result.append((current, labels))
    return result
