"""Machine-readable page metadata for the page head: schema.org JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script> only these characters can end the element or open markup.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """A JSON-LD script for the page in the context, when its type describes itself."""
    page = context.get("page")
    data = page.structured_data(context["request"]) if hasattr(page, "structured_data") else None
    if not data:
        return ""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False, default=str)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(JSON_SCRIPT_ESCAPES)))  # noqa: S308 - escaped above
