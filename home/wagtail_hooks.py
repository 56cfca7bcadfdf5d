"""Admin wiring of the site pages, the footer's links to the pages the home page names and to the API, and
the home page's contest section."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from depository.hooks import FOOTER_LINKS, HOME_SECTIONS

from .autosave import submit_to_the_autosaved_draft

hooks.register("before_create_page", submit_to_the_autosaved_draft)


@hooks.register(FOOTER_LINKS)
def site_pages(request, home_page):
    links = []
    for label, name in ((_("Contacts"), "contacts_page"), (_("Privacy notice"), "privacy_page")):
        page = home_page.linked_page(name)
        if page is not None:
            links.append((label, page.get_url(request)))
    return links + [(_("API for developers"), "/api/v2/pages/")]


@hooks.register(HOME_SECTIONS, order=-20)
def current_contest(request, home_page):
    """The live contest of the home page's language with its current phase and next date; None if none.

    The contest announced last whose announcement has come. It belongs with the contest app's hooks,
    and is here, importing it late, until that app registers its own home section.
    """
    from contest.models import ContestPage
    from contest.phases import DATE_FIELDS, DATE_LABELS, PHASES

    now = timezone.now()
    contest = (
        ContestPage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id, announcement_at__lte=now)
        .order_by("-announcement_at", "-pk")
        .first()
    )
    if contest is None:
        return None
    phase_names = dict(PHASES.values())
    upcoming = [(getattr(contest, field), DATE_LABELS[field]) for field in DATE_FIELDS if getattr(contest, field) > now]
    return "home/includes/home_contest.html", {
        "contest": contest,
        "phase": phase_names[contest.phase],
        "next_date": upcoming[0] if upcoming else None,
    }
