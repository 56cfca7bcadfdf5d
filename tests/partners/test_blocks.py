import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from partners.models import Partner, PartnersPage
from tests.factories import translate

from .conftest import ExpertFactory, PartnerFactory, PartnersPageFactory, partners_block

pytestmark = pytest.mark.django_db


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def partner_names(html):
    return [name.get_text(strip=True) for name in html.select(".partner-list .partner__name")]


def expert_names(html):
    return [name.get_text(strip=True) for name in html.select(".expert-group .expert__name")]


def test_partner_list_shows_only_the_partners_of_the_page_language(client, partners_page):
    PartnerFactory(name="Асоціація міст України", url="https://www.auc.org.ua/")
    PartnerFactory(name="Association of Ukrainian Cities", locale=Locale.objects.get(language_code="en"))
    english_page = translate(partners_page, "en", title="Partners")

    assert partner_names(page_html(client, partners_page)) == ["Асоціація міст України"]
    assert partner_names(page_html(client, english_page)) == ["Association of Ukrainian Cities"]


def test_partners_link_to_their_websites_in_their_order(client, partners_page):
    PartnerFactory(name="Другий", sort_order=2)
    PartnerFactory(name="Перший", sort_order=1, url="https://example.org/")

    html = page_html(client, partners_page)

    assert partner_names(html) == ["Перший", "Другий"]
    assert html.select_one(".partner__name a")["href"] == "https://example.org/"


def test_partner_list_of_one_role_leaves_the_others_out(client, site_tree):
    page = PartnersPageFactory(parent=site_tree.about_uk, body=[partners_block("Підтримка", role="donor")])
    PartnerFactory(name="Міжнародний фонд «Відродження»", role=Partner.Role.DONOR)
    PartnerFactory(name="Асоціація міст України", role=Partner.Role.PARTNER)

    html = page_html(client, page)

    assert partner_names(html) == ["Міжнародний фонд «Відродження»"]
    assert not html.select(".partner .card__meta")  # one role: no role label on each partner


def test_partner_names_are_escaped(client, partners_page):
    PartnerFactory(name="<script>alert(1)</script>")

    assert b"<script>alert(1)" not in client.get(partners_page.url).content


def test_expert_group_hides_inactive_experts(client, partners_page):
    ExpertFactory(name="Олена Приклад", position="експертка", organisation="АМУ")
    ExpertFactory(name="Петро Колишній", is_active=False)

    html = page_html(client, partners_page)

    assert expert_names(html) == ["Олена Приклад"]
    assert html.select_one(".expert .card__meta").get_text() == "експертка, АМУ"


def test_blocks_without_anyone_to_show_render_nothing(client, partners_page):
    ExpertFactory(is_active=False)

    html = page_html(client, partners_page)

    assert not html.select(".partner-list")
    assert not html.select(".expert-group")


def test_about_pages_with_partners_go_under_home_and_standard_pages(site_tree):
    assert PartnersPage.can_create_at(site_tree.home_uk)
    assert PartnersPage.can_create_at(site_tree.about_uk)
