"""SITE_URL, the public address, is where every absolute link points, whatever host the request used."""

import pytest
from wagtail.models import Site

from home.site_url import absolute_url, sync_default_site

pytestmark = pytest.mark.django_db

PUBLIC = "https://depository.example.org"


@pytest.fixture
def public_address(settings):
    settings.SITE_URL = PUBLIC


def test_paths_become_addresses_on_the_site_url(public_address):
    assert absolute_url("/uk/cases/") == f"{PUBLIC}/uk/cases/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"


def test_after_migrate_the_default_site_answers_at_the_site_url(public_address, site_tree):
    sync_default_site()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("depository.example.org", 443)
    assert site_tree.about_uk.get_full_url() == f"{PUBLIC}/uk/about/"


def test_the_sitemap_and_robots_txt_give_the_site_url_not_the_request_host(client, public_address, site_tree):
    sitemap = client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()

    assert f"<loc>{PUBLIC}/uk/about/</loc>" in sitemap
    assert "testserver" not in sitemap
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots


def test_the_search_api_gives_page_addresses_on_the_site_url(client, public_address, searchable_site_tree):
    items = client.get("/api/v2/search/", {"q": "проєкт", "locale": "uk"}).json()["items"]

    assert items and all(item["url"].startswith(f"{PUBLIC}/uk/") for item in items)
