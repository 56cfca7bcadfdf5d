import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def switcher_links(response):
    nav = BeautifulSoup(response.content, "html.parser").select_one("nav.language-switcher")
    return {link["hreflang"]: link for link in nav.select("a[hreflang]")}, nav


def test_switcher_on_a_translated_page_leads_to_its_translation(client, site_tree):
    links, nav = switcher_links(client.get("/uk/about/"))

    assert links["en"]["href"] == "/en/about/"
    assert nav.select_one("[aria-current]").get_text(strip=True) == "Українська"
    assert nav.select_one(".language-switcher__note") is None


def test_switcher_on_an_english_page_leads_back_to_ukrainian(client, site_tree):
    links, _nav = switcher_links(client.get("/en/about/"))

    assert links["uk"]["href"] == "/uk/about/"


def test_switcher_on_an_untranslated_page_leads_to_the_other_home_page_and_says_so(client, site_tree):
    links, nav = switcher_links(client.get("/uk/only-uk/"))

    assert links["en"]["href"] == "/en/"
    assert "немає перекладу" in nav.select_one(".language-switcher__note").get_text()


def test_switcher_outside_pages_keeps_the_view_and_query(client, site_tree):
    links, _nav = switcher_links(client.get("/uk/search/?q=test"))

    assert links["en"]["href"] == "/en/search/?q=test"
