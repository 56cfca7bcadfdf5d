"""Links from the public contest page to the participants' screens, which live in their own module.

The submission's address belongs to the participants' side of the contest; the page asks for it by
name and shows no button when that side is not installed, rather than failing to render.
"""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def start_entry_url(page):
    """The address where a participant starts an entry to the contest of ``page``, or "" when there is none."""
    try:
        return reverse("contest:start_entry", args=[page.source.pk])
    except NoReverseMatch:
        return ""
