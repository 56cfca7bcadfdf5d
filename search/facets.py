"""Search facets: which values a page counts under, and the labels visitors see for them.

A page type says what it counts under with ``search_facets()`` (``home.models.BasePage`` gives the
year it was first published; cases give categories, region and year). Apps name their values for
visitors through the ``SEARCH_FACET_LABELS`` hook, so nothing here knows the content types.
"""

from django.apps import apps
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

from depository.hooks import SEARCH_FACET_LABELS

FACETS = ("type", "category", "region", "year")
FACET_FIELDS = {
    "facet_type": {"type": "keyword"},
    "facet_category": {"type": "keyword"},
    "facet_region": {"type": "keyword"},
    "facet_year": {"type": "integer"},
}


def page_facets(page):
    """``{"type": "app.model", "category": [slugs], "region": code or None, "year": int or None}``."""
    values = {"type": page._meta.label_lower, "category": [], "region": None, "year": None}
    if hasattr(page, "search_facets"):
        values.update(page.search_facets())
    return values


def facet_document(obj):
    """The ``facet_*`` fields of a page's search document; other models have none."""
    if not isinstance(obj, Page):
        return {}
    return {f"facet_{name}": value for name, value in page_facets(obj).items()}


def type_label(value):
    """What visitors call a page type (``BasePage.visitor_type``), not the admin's name for it."""
    try:
        model = apps.get_model(value)
    except (LookupError, ValueError):
        return value
    return str(getattr(model, "visitor_type", model._meta.verbose_name)).capitalize()


def facet_labels(name, values, language_code):
    """Labels for the values of facet ``name`` in a language; a value nobody names shows as itself."""
    if name == "type":
        with translation.override(language_code):
            return {value: type_label(value) for value in values}
    labels = {}
    for describe in hooks.get_hooks(SEARCH_FACET_LABELS):
        labels.update(describe(name, values, language_code) or {})
    return {value: labels.get(value, str(value)) for value in values}


def facet_entries(counts, language_code):
    """``{facet: [{"value", "label", "count"}]}`` from ``{facet: {value: count}}``, most frequent first.

    Years are listed newest first, as visitors read them.
    """
    facets = {}
    for name in FACETS:
        values = counts.get(name, {})
        labels = facet_labels(name, list(values), language_code)
        entries = [{"value": value, "label": labels[value], "count": count} for value, count in values.items()]
        if name == "year":
            entries.sort(key=lambda entry: -int(entry["value"]))
        else:
            entries.sort(key=lambda entry: (-entry["count"], entry["label"]))
        facets[name] = entries
    return facets
