"""Browsing the case library: filters from the query string, facet counts and sort orders.

Each facet counts the cases that match every *other* filter, so a visitor sees how many cases each
choice would give. The number of SQL queries is fixed, whatever the size of the library.
"""

from dataclasses import dataclass, field, fields
from urllib.parse import urlencode

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models.cases import FIRST_YEAR, LAST_YEAR, Award, CaseCategory, Level, Status
from .models.reference import Category, Region

SORTS = {
    "newest": (_("Newest"), ["-year", "-first_published_at"]),
    "title": (_("Title"), ["title"]),
    "verified": (_("Recently verified"), [F("last_verified").desc(nulls_last=True), "title"]),
    "adopted": (_("Most adopted"), ["-adoption_count", "title"]),
}


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


@dataclass
class CaseFilters:
    """The filters and sort order a visitor chose; unknown values are dropped and listed in ``ignored``."""

    category: str = ""
    region: str = ""
    level: str = ""
    year_from: int | None = None
    year_to: int | None = None
    status: str = ""
    award: str = ""
    adopted: bool = False
    sort: str = "newest"
    ignored: list = field(default_factory=list)

    @classmethod
    def from_query(cls, query, locale):
        filters = cls()
        choices = {
            "category": set(category_paths(locale)),
            "region": set(Region.objects.values_list("code", flat=True)),
            "level": set(Level.values),
            "status": set(Status.values),
            "award": set(Award.values),
            "sort": set(SORTS),
        }
        for name, allowed in choices.items():
            value = query.get(name, "").strip()
            if value in allowed:
                setattr(filters, name, value)
            elif value:
                filters.ignored.append(name)
        for name in ("year_from", "year_to"):
            value = query.get(name, "").strip()
            setattr(filters, name, _year(value))
            if value and getattr(filters, name) is None:
                filters.ignored.append(name)
        filters.adopted = query.get("adopted") == "1"
        return filters

    def as_query(self, **changes):
        """The query string of these filters, with ``changes``; empty values are left out."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "ignored"}
        values.update(changes)
        values["adopted"] = "1" if values["adopted"] else ""
        if values["sort"] == "newest":
            values["sort"] = ""
        return urlencode({name: value for name, value in values.items() if value not in ("", None)})

    @property
    def active_count(self):
        """How many filters narrow the library (the sort order is not one); the year range counts once."""
        chosen = [self.category, self.region, self.level, self.status, self.award, self.adopted]
        return sum(map(bool, chosen)) + bool(self.year_from or self.year_to)

    @property
    def is_active(self):
        return self.active_count > 0


def category_paths(locale):
    """Every classifier path of the locale: ``parent`` and ``parent/child``."""
    categories = Category.objects.filter(locale=locale).select_related("parent")
    return [category.path for category in categories]


def in_category(cases, path):
    """The cases classified under ``path``: ``parent/child``, or ``parent`` with its children."""
    parent, _slash, child = path.partition("/")
    if child:
        matching = Q(category__slug=child, category__parent__slug=parent)
    else:
        matching = Q(category__slug=parent, category__parent=None) | Q(category__parent__slug=parent)
    return cases.filter(pk__in=CaseCategory.objects.filter(matching).values("page"))


def apply_filters(cases, filters, exclude=None):
    """Narrow ``cases`` by every filter but ``exclude`` (the facet being counted)."""
    if filters.category and exclude != "category":
        cases = in_category(cases, filters.category)
    for name in ("level", "status", "award"):
        if getattr(filters, name) and exclude != name:
            cases = cases.filter(**{name: getattr(filters, name)})
    if filters.region and exclude != "region":
        cases = cases.filter(region__code=filters.region)
    if exclude != "year":
        if filters.year_from:
            cases = cases.filter(year__gte=filters.year_from)
        if filters.year_to:
            cases = cases.filter(year__lte=filters.year_to)
    if filters.adopted and exclude != "adopted":
        cases = cases.filter(adoption_count__gt=0)
    return cases


def with_adoption_count(cases):
    return cases.annotate(adoption_count=Count("adoptions", distinct=True))


def sorted_cases(cases, filters):
    return cases.order_by(*SORTS[filters.sort][1])


def facet_counts(cases, filters):
    """Counts per value of each facet: ``{facet: {value: count}}``."""

    def counts(facet, column):
        narrowed = apply_filters(cases, filters, exclude=facet).order_by()
        return dict(narrowed.values_list(column).annotate(n=Count("pk", distinct=True)))

    classified = CaseCategory.objects.filter(page__in=apply_filters(cases, filters, exclude="category").values("pk"))
    top_level = classified.annotate(top=Coalesce("category__parent__slug", "category__slug"))
    children = classified.filter(category__parent__isnull=False).annotate(
        path=Coalesce("category__parent__slug", "category__slug")
    )
    category_counts = dict(top_level.values_list("top").annotate(n=Count("page", distinct=True)).order_by())
    for parent, child, count in (
        children.values_list("path", "category__slug").annotate(n=Count("page", distinct=True)).order_by()
    ):
        category_counts[f"{parent}/{child}"] = count
    adopted = apply_filters(cases, filters, exclude="adopted").filter(adoption_count__gt=0).count()
    return {
        "category": category_counts,
        "region": counts("region", "region__code"),
        "level": counts("level", "level"),
        "year": counts("year", "year"),
        "status": counts("status", "status"),
        "award": counts("award", "award"),
        "adopted": adopted,
    }
