"""StreamField blocks that show the coalition on about pages (``PartnersPage`` offers them).

The blocks choose no snippets by hand: they list what editors maintain under Snippets › Partners,
in the language of the page they are on, so a page always shows the current coalition.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from .models.snippets import Expert, Partner

ALL_ROLES = "all"


def page_locale(parent_context):
    """The locale of the page being rendered, or the active one outside a page."""
    page = (parent_context or {}).get("page")
    return page.locale if getattr(page, "locale_id", None) else Locale.get_active()


class PartnerListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Heading"), max_length=255)
    role = blocks.ChoiceBlock(
        label=_("Role"),
        choices=[(ALL_ROLES, _("All roles")), *Partner.Role.choices],
        default=ALL_ROLES,
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        partners = Partner.objects.filter(locale=page_locale(parent_context)).select_related("logo")
        if value["role"] != ALL_ROLES:
            partners = partners.filter(role=value["role"])
        context["partners"] = partners
        context["show_roles"] = value["role"] == ALL_ROLES
        return context

    class Meta:
        icon = "group"
        label = _("Partners")
        template = "partners/blocks/partner_list_block.html"


class ExpertGroupBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Heading"), max_length=255)
    text = blocks.TextBlock(label=_("Introduction"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["experts"] = Expert.objects.filter(locale=page_locale(parent_context), is_active=True).select_related(
            "photo"
        )
        return context

    class Meta:
        icon = "user"
        label = _("Expert group")
        template = "partners/blocks/expert_group_block.html"
