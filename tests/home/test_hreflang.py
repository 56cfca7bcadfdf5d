import pytest
from bs4 import BeautifulSoup
from django.conf import settings

SITE = settings.SITE_URL

pytestmark = pytest.mark.django_db


def alternates(response):
    head = BeautifulSoup(response.content, "html.parser").head
    return {link["hreflang"]: link["href"] for link in head.select('link[rel="alternate"][hreflang]')}


def test_translated_page_lists_both_languages_and_a_default(client, site_tree):
    expected = {
        "uk": f"{SITE}/uk/about/",
        "en": f"{SITE}/en/about/",
        "x-default": f"{SITE}/uk/about/",
    }

    assert alternates(client.get("/uk/about/")) == expected
    assert alternates(client.get("/en/about/")) == expected


def test_untranslated_page_lists_only_its_own_language(client, site_tree):
    assert alternates(client.get("/uk/only-uk/")) == {
        "uk": f"{SITE}/uk/only-uk/",
        "x-default": f"{SITE}/uk/only-uk/",
    }


def test_home_pages_are_alternates_of_each_other(client, site_tree):
    assert alternates(client.get("/en/"))["uk"] == f"{SITE}/uk/"
