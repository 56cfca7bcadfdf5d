"""Template tags for the site's navigation: menu, breadcrumbs, language switcher and hreflang."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from home.footer import links_for
from home.site_url import absolute_url

register = template.Library()


@dataclass(frozen=True)
class Alternate:
    """The address of the current content in one language."""

    language_code: str
    language_name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the language has no translation and the link leads to its home page


def locale_home(request):
    """The home page of the current language, looked up once per request (the menu and footer need it too)."""
    if not hasattr(request, "locale_home"):
        site = Site.find_for_request(request)
        request.locale_home = site.root_page.localized if site else None
    return request.locale_home


def page_alternates(page, request):
    """One Alternate per language, for a Wagtail page or, with page None, for any other view."""
    current = get_language()
    if page is None:
        return [
            Alternate(code, name, translate_url(request.get_full_path(), code), code == current, True)
            for code, name in settings.LANGUAGES
        ]
    translations = {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }
    home = locale_home(request)
    homes = {}
    if home is not None and len(translations) < len(settings.LANGUAGES):
        homes = {
            translation.locale.language_code: translation
            for translation in home.get_translations(inclusive=True).live().select_related("locale")
        }
    alternates = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is not None:
            alternates.append(Alternate(code, name, target.get_url(request), code == current, code in translations))
    return alternates


def alternates_for(context):
    """The alternates of the page being rendered, worked out once per request for the switcher and the head."""
    request = context["request"]
    if not hasattr(request, "page_alternates"):
        request.page_alternates = page_alternates(context.get("page"), request)
    return request.page_alternates


@register.inclusion_tag("home/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"alternates": alternates_for(context)}


@register.inclusion_tag("home/tags/hreflang.html", takes_context=True)
def hreflang_links(context):
    alternates = [alternate for alternate in alternates_for(context) if alternate.is_translation]
    links = [(alternate.language_code, absolute_url(alternate.url)) for alternate in alternates]
    return {"links": links, "default_url": dict(links).get(settings.LANGUAGE_CODE)}


@register.inclusion_tag("home/tags/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = locale_home(request)
    items = home.get_children().live().in_menu().specific(defer=True) if home else Page.objects.none()
    page = context.get("page")
    return {"home": home, "items": items, "current_path": page.url_path if page else None}


@register.inclusion_tag("home/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = page.get_ancestors().filter(depth__gt=1).live() if page else Page.objects.none()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("home/tags/footer_links.html", takes_context=True)
def footer_links(context):
    request = context["request"]
    home = locale_home(request)
    return {"links": links_for(request, home) if home else []}


@register.simple_tag(takes_context=True)
def privacy_notice(context):
    """The privacy notice the home page names, in the visitor's language where it is translated; or None."""
    home = locale_home(context["request"])
    return home.specific.linked_page("privacy_page") if home else None
