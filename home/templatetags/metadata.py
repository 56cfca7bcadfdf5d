"""Machine-readable page metadata for the page head: schema.org JSON-LD, Open Graph and Twitter cards."""

import json
import logging

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from home.site_url import absolute_url, page_url

from .navigation import alternates_for

logger = logging.getLogger(__name__)
register = template.Library()
register.simple_tag(absolute_url, name="absolute_url")

# Inside <script> only these characters can end the element or open markup.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Open Graph names locales as language_TERRITORY.
OG_LOCALES = {"uk": "uk_UA", "en": "en_US"}
SOCIAL_IMAGE_RENDITION = "fill-1200x630"


@register.simple_tag(takes_context=True)
def structured_data(context):
    """A JSON-LD script for the page in the context, when its type describes itself."""
    page = context.get("page")
    data = page.structured_data(context["request"]) if hasattr(page, "structured_data") else None
    if not data:
        return ""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, default=str)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(JSON_SCRIPT_ESCAPES)))  # noqa: S308 - escaped above


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


def social_image(page):
    """The page's sharing image as a 1200×630 rendition with its absolute URL, or None."""
    image = page.social_image() if hasattr(page, "social_image") else None
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_RENDITION)
    except SourceImageIOError:
        # A missing original must not break every page that uses it; the card goes without a picture.
        logger.warning("Sharing image %s of page %s has no source file", image.pk, page.pk)
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


@register.inclusion_tag("home/tags/social_metadata.html", takes_context=True)
def social_metadata(context):
    """Open Graph and Twitter card tags for the Wagtail page in the context (nothing on other views)."""
    page = context.get("page")
    request = context["request"]
    if not hasattr(page, "og_type"):
        return {"page": None}
    language_code = page.locale.language_code
    image = social_image(page)
    return {
        "page": page,
        "title": page.seo_title or page.title,
        "description": page.search_description or page.intro,
        "url": page_url(page, request),
        "type": page.og_type,
        "locale": og_locale(language_code),
        "alternate_locales": [
            og_locale(alternate.language_code)
            for alternate in alternates_for(context)
            if alternate.is_translation and alternate.language_code != language_code
        ],
        "site_name": settings.WAGTAIL_SITE_NAME,
        "image": image,
        "twitter_card": "summary_large_image" if image else "summary",
    }
