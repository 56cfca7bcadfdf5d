"""Bilingual demo pages built from the 2013 project plan (``pages.json`` beside this module).

Every demo page gets a translation key derived from its demo key, so a second run finds the pages
the first one made and changes only what differs: the same tree, no duplicates, no new revisions.
"""

import json
import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from home.site_url import site_address

logger = logging.getLogger(__name__)

PAGES_FILE = Path(__file__).with_name("pages.json")
DEMO_NAMESPACE = uuid.UUID("6f1d2a52-3c9e-4d0b-9a57-1b2f0e4c8d11")
PAGE_TYPES = {"home": HomePage, "standard": StandardPage}


def demo_uuid(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(parts))


def remove_wagtail_welcome_page(root):
    """Delete the placeholder page Wagtail's migrations create, while it is still untouched."""
    placeholder = root.get_children().filter(content_type=ContentType.objects.get_for_model(Page), numchild=0)
    for page in placeholder:
        logger.info("Removing Wagtail's placeholder page %r", page.title)
        page.delete()


def stream_data(entry_key, language_code, blocks, pages):
    """Give blocks stable ids and turn call-to-action page keys into page ids."""
    data = []
    for index, block in enumerate(blocks):
        value = block["value"]
        if block["type"] == "call_to_action":
            value = {**value, "page": pages[value["page"], language_code].pk, "url": ""}
        data.append({"type": block["type"], "value": value, "id": str(demo_uuid(entry_key, language_code, str(index)))})
    return data


# Fields of demo pages that name other demo pages (``links`` in pages.json: field name to demo key).
PAGE_LINK_FIELDS = ("contacts_page", "privacy_page")


def page_state(page):
    return (
        page.title,
        page.slug,
        page.intro,
        page.show_in_menus,
        json.dumps(page.body.get_prep_value(), sort_keys=True),
        [getattr(page, f"{name}_id", None) for name in PAGE_LINK_FIELDS],
    )


def ensure_demo_page(model, translation_key, parent, locale, fields, state=page_state, relations=None):
    """Create or update one demo page of the apps' demo loaders, and publish it only when needed.

    ``fields`` are set on the page (child relations too); ``relations(page)``, when given, sets what
    cannot be assigned, such as tags. A page that is new, not live, or whose ``state`` changed gets
    a new revision; returns the page and ``"created"``, ``"updated"`` or ``"unchanged"``.
    """
    page = model.objects.filter(translation_key=translation_key, locale=locale).first()
    created = page is None
    if created:
        page = model(locale=locale, translation_key=translation_key, is_demo=True, live=False)
    before = None if created else state(page)
    for name, value in fields.items():
        setattr(page, name, value)
    if relations:
        relations(page)
    if created:
        parent.add_child(instance=page)
    elif page.live and state(page) == before:
        return page, "unchanged"
    page.save_revision().publish()
    return page, "created" if created else "updated"


@transaction.atomic
def load_demo_pages():
    """Create or update the demo page tree in every content language; return counts by outcome."""
    entries = json.loads(PAGES_FILE.read_text(encoding="utf-8"))
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages}
    root = Page.get_first_root_node()
    remove_wagtail_welcome_page(root)

    pages, created = {}, set()
    # First every page exists, so that blocks can link to pages further down the file.
    for entry in entries:
        for code in languages:
            model = PAGE_TYPES[entry["type"]]
            translation_key = demo_uuid(entry["key"])
            page = model.objects.filter(translation_key=translation_key, locale=locales[code]).first()
            if page is None:
                parent = root if entry["parent"] is None else pages[entry["parent"], code]
                # Root-level siblings share one slug space: the home pages of other locales get a suffix.
                slug = entry["slug"] if entry["parent"] or code == languages[0] else f"{entry['slug']}-{code}"
                page = parent.add_child(
                    instance=model(
                        title=entry[code]["title"],
                        slug=slug,
                        locale=locales[code],
                        translation_key=translation_key,
                        is_demo=True,
                        live=False,
                    )
                )
                created.add((entry["key"], code))
            pages[entry["key"], code] = page

    counts = {"created": len(created), "updated": 0, "unchanged": 0}
    for entry in entries:
        for code in languages:
            page = pages[entry["key"], code]
            content = entry[code]
            before = page_state(page)
            page.title = content["title"]
            page.intro = content.get("intro", "")
            page.show_in_menus = entry["parent"] == "home" and entry.get("in_menu", True)
            page.body = stream_data(entry["key"], code, content.get("body", []), pages)
            for name, key in entry.get("links", {}).items():
                setattr(page, name, pages[key, code])
            if page.live and page_state(page) == before:
                counts["unchanged"] += 1
                continue
            page.save_revision().publish()
            if (entry["key"], code) not in created:
                counts["updated"] += 1

    home = pages[entries[0]["key"], languages[0]]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return counts
