"""What crawlers are told: one indexable URL per listing, the site's own title and icon."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CaseLibraryPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def robots(soup):
    meta = soup.head.find("meta", attrs={"name": "robots"})
    return meta["content"] if meta else None


@pytest.fixture
def library(site_tree):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    CasePageFactory(parent=library, title="Черга Вінниця", categories=["e-services/e-queue"], year=2011)
    return library


def test_the_unfiltered_library_is_indexed_and_a_filtered_one_is_not(client, library):
    assert robots(page(client, library.url)) is None
    assert robots(page(client, library.url + "?category=e-services")) == "noindex, follow"


def test_every_filter_link_of_the_library_is_nofollow(client, library):
    soup = page(client, library.url)
    filter_links = [link for link in soup.select("main a[href^='?']") if link["href"] != "?"]
    assert filter_links
    assert [link["href"] for link in filter_links if "nofollow" not in link.get("rel", [])] == []


def test_search_results_are_not_indexed(client, site_tree):
    assert robots(page(client, "/uk/search/?q=черга")) == "noindex, follow"


def test_the_home_page_title_is_the_sites_name_alone(client, site_tree):
    assert page(client, "/uk/").title.get_text() == "Депозитарій кращих практик електронного врядування"
    assert page(client, "/en/").title.get_text() == "Depository of e-governance best practices"
    assert page(client, site_tree.about_uk.url).title.get_text() == (
        "Про проєкт · Депозитарій кращих практик електронного врядування"
    )


def test_the_site_has_an_icon(client, site_tree):
    soup = page(client, "/uk/")
    assert soup.head.find("link", rel="icon")["href"].endswith("favicon.svg")
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO file signature
