import factory
import pytest
from wagtail.models import Locale

from partners.models import Expert, Partner, PartnersPage
from tests.factories import PageFactory


class PartnersPageFactory(PageFactory):
    title = "Партнери"
    slug = "partners"

    class Meta:
        model = PartnersPage


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Партнер {n}")
    role = Partner.Role.PARTNER
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="uk"))

    class Meta:
        model = Partner


class ExpertFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Експерт {n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="uk"))

    class Meta:
        model = Expert


def partners_block(title, role="all"):
    return ("partners", {"title": title, "role": role})


def experts_block(title, text=""):
    return ("experts", {"title": title, "text": text})


@pytest.fixture
def partners_page(site_tree):
    """A Ukrainian about page under "Про проєкт" listing every partner and the expert group."""
    return PartnersPageFactory(
        parent=site_tree.about_uk, body=[partners_block("Коаліція"), experts_block("Експертна група")]
    )
