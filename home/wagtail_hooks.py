"""Admin wiring of the site pages, the footer's links to the pages the home page names and to the API, and
the home page's contest section."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from depository.hooks import FOOTER_LINKS

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
