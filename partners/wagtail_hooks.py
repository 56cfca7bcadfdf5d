"""Admin wiring of the coalition: partners and experts as snippets in a "Partners" menu group."""

from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from depository.hooks import FOOTER_LINKS, LOAD_DEMO

from .demo import load_demo_partners
from .models import Expert, Partner, PartnersPage


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "role", "sort_order", "locale"]
    list_filter = ["locale", "role"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ExpertViewSet(SnippetViewSet):
    model = Expert
    icon = "user"
    list_display = [
        "name",
        "organisation",
        # Wagtail would print the bare value, "True" or "False", on every screen language.
        Column(
            "is_active",
            label=capfirst(Expert._meta.get_field("is_active").verbose_name),
            accessor=lambda expert: gettext("Yes") if expert.is_active else gettext("No"),
            sort_key="is_active",
        ),
        "locale",
    ]
    list_filter = ["locale", "is_active"]
    search_fields = ["name", "organisation"]
    ordering = ["sort_order", "name"]


class PartnersViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Partners")
    menu_icon = "group"
    menu_order = 210
    items = (PartnerViewSet, ExpertViewSet)


register_snippet(PartnersViewSetGroup)

hooks.register(LOAD_DEMO, load_demo_partners)


@hooks.register(FOOTER_LINKS)
def partners_link(request, home_page):
    page = PartnersPage.objects.live().public().filter(locale_id=home_page.locale_id).first()
    return [(_("Partners"), page.get_url(request))] if page else []
