"""The footer says who runs the site and links to its contacts, privacy notice, open data, feeds, API and partners."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def footer_links(client, url):
    response = client.get(url)
    assert response.status_code == 200
    footer = BeautifulSoup(response.content, "html.parser").select_one("footer")
    return {link.get_text(strip=True): link["href"] for link in footer.select("a")}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - the command closes nothing of ours


def test_the_demo_footer_links_every_trust_page_in_the_visitors_language(client, demo):
    uk = footer_links(client, "/uk/")
    en = footer_links(client, "/en/cases/")

    assert uk["Контакти"] == "/uk/contacts/"
    assert uk["Повідомлення про обробку персональних даних"] == "/uk/privacy/"
    assert uk["Відкриті дані"] == "/uk/cases/#open-data"
    assert uk["Стрічка новин (RSS)"].startswith("/uk/news/")
    assert uk["Партнери"].startswith("/uk/")
    assert "API для розробників" in uk
    assert en["Contacts"] == "/en/contacts/"
    assert en["Privacy notice"] == "/en/privacy/"
    assert en["Open data"] == "/en/cases/#open-data"
    for url in (*uk.values(), *en.values()):
        assert client.get(url.split("#")[0]).status_code == 200, url


def test_the_privacy_notice_names_who_runs_the_site_and_the_visitors_rights(client, demo):
    text = BeautifulSoup(client.get("/en/privacy/").content, "html.parser").main.get_text(" ")
    assert "E-Governance Cities of Ukraine" in text
    assert "erase" in text and "consent" in text


def test_a_page_the_footer_names_leaves_it_once_unpublished(client, site_tree):
    privacy = StandardPageFactory(parent=site_tree.home_uk, title="Приватність", slug="privacy")
    home = HomePage.objects.get(pk=site_tree.home_uk.pk)
    home.privacy_page = privacy
    home.save_revision().publish()
    assert "Повідомлення про обробку персональних даних" in footer_links(client, "/uk/")

    StandardPage.objects.get(pk=privacy.pk).unpublish()

    assert "Повідомлення про обробку персональних даних" not in footer_links(client, "/uk/")
