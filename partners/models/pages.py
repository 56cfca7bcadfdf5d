"""The about page that shows the coalition.

``PartnersPage`` takes the shared block library and adds the partner and expert blocks. This app
depends on ``home``, never the other way round: ``home`` stays free of optional domains, and its
block library keeps one definition, and one migration history, for every page type that uses it.
Standard pages therefore do not offer these blocks; an about page that lists partners or experts
is a ``PartnersPage``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from home.blocks import BodyBlock
from home.models import ContentPage

from ..blocks import ExpertGroupBlock, PartnerListBlock


class PartnersBodyBlock(BodyBlock):
    """The shared block library plus the coalition's own blocks."""

    partners = PartnerListBlock()
    experts = ExpertGroupBlock()


class PartnersPage(ContentPage):
    """An about page that can list the partners and the expert group among its content."""

    body = StreamField(PartnersBodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage", "partners.PartnersPage"]

    class Meta:
        verbose_name = _("about page with partners")
        verbose_name_plural = _("about pages with partners")
