"""The sitemap, robots.txt and the Open Graph and Twitter card metadata that make pages findable and shareable."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

SITE = settings.SITE_URL

pytestmark = pytest.mark.django_db

NAMESPACES = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("sm:loc", namespaces=NAMESPACES): {
            "lastmod": url.findtext("sm:lastmod", namespaces=NAMESPACES),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NAMESPACES)},
        }
        for url in root.findall("sm:url", NAMESPACES)
    }


def metas(response):
    assert response.status_code == 200
    head = BeautifulSoup(response.content, "html.parser").head
    found = {}
    for meta in head.select("meta[property], meta[name]"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta["content"])
    return {name: values[0] if len(values) == 1 else values for name, values in found.items()}


def test_sitemap_lists_both_languages_with_alternates_pointing_at_each_other(client, site_tree):
    urls = sitemap(client)

    expected = {
        "uk": f"{SITE}/uk/about/",
        "en": f"{SITE}/en/about/",
        "x-default": f"{SITE}/uk/about/",
    }
    assert urls[f"{SITE}/uk/about/"]["alternates"] == expected
    assert urls[f"{SITE}/en/about/"]["alternates"] == expected
    assert urls[f"{SITE}/en/"]["alternates"]["uk"] == f"{SITE}/uk/"
    assert all(entry["lastmod"] for entry in urls.values())


def test_sitemap_gives_an_untranslated_page_only_its_own_language(client, site_tree):
    assert sitemap(client)[f"{SITE}/uk/only-uk/"]["alternates"] == {
        "uk": f"{SITE}/uk/only-uk/",
        "x-default": f"{SITE}/uk/only-uk/",
    }


def test_sitemap_leaves_out_drafts_and_private_pages(client, site_tree):
    draft = StandardPageFactory(parent=site_tree.home_uk, title="Чернетка", slug="draft")
    draft.unpublish()
    private = StandardPageFactory(parent=site_tree.home_uk, title="Приватна", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=private, title="Під приватною", slug="below")
    site_tree.about_en.refresh_from_db()
    site_tree.about_en.unpublish()

    urls = sitemap(client)

    assert set(urls) == {
        f"{SITE}/uk/",
        f"{SITE}/en/",
        f"{SITE}/uk/about/",
        f"{SITE}/uk/only-uk/",
    }
    assert "en" not in urls[f"{SITE}/uk/about/"]["alternates"]


def test_a_sitemap_page_that_does_not_exist_stays_a_not_found(client, site_tree):
    response = client.get("/sitemap.xml", {"p": "99"})

    assert response.status_code == 404


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_pages_carry_open_graph_and_twitter_metadata(client, site_tree):
    site_tree.about_uk.search_description = "Опис для пошукових систем"
    site_tree.about_uk.intro = "Вступ"
    site_tree.about_uk.save_revision().publish()

    found = metas(client.get("/uk/about/"))

    assert found["og:title"] == "Про проєкт"
    assert found["og:description"] == "Опис для пошукових систем"
    assert found["og:url"] == f"{SITE}/uk/about/"
    assert found["og:type"] == "website"
    assert found["og:locale"] == "uk_UA"
    assert found["og:locale:alternate"] == "en_US"
    assert found["og:site_name"]
    assert found["twitter:card"] == "summary"
    assert "og:image" not in found


def test_open_graph_falls_back_on_the_lead_paragraph_and_names_no_missing_translation(client, site_tree):
    site_tree.only_uk.intro = "Лише українською мовою"
    site_tree.only_uk.save_revision().publish()

    found = metas(client.get("/uk/only-uk/"))

    assert found["og:description"] == "Лише українською мовою"
    assert "og:locale:alternate" not in found


def test_english_pages_name_their_locale(client, site_tree):
    found = metas(client.get("/en/about/"))

    assert found["og:locale"] == "en_US"
    assert found["og:locale:alternate"] == "uk_UA"
    assert found["og:title"] == "About the project"


def image_page(site_tree):
    cache.clear()  # Wagtail caches renditions by image id, which a previous test may have used
    image = get_image_model().objects.create(title="Засідання коаліції", file=get_test_image_file(size=(1600, 900)))
    page = StandardPageFactory(
        parent=site_tree.home_uk,
        title="Фото",
        slug="photo",
        body=[("image", {"image": image, "caption": "Засідання коаліції"})],
    )
    return page, image


def test_a_page_with_an_image_shares_a_large_card(client, site_tree):
    page, image = image_page(site_tree)

    found = metas(client.get(page.url))

    rendition = image.get_rendition("fill-1200x630")
    assert found["og:image"] == SITE + rendition.url
    assert (found["og:image:width"], found["og:image:height"]) == ("1200", "630")
    assert found["twitter:card"] == "summary_large_image"


def test_an_image_whose_file_is_gone_does_not_break_the_page(client, site_tree):
    page, image = image_page(site_tree)
    image.file.storage.delete(image.file.name)

    found = metas(client.get(page.url))

    assert "og:image" not in found
    assert found["twitter:card"] == "summary"


def test_views_that_are_not_pages_have_no_sharing_metadata(client, site_tree):
    found = metas(client.get("/uk/search/", {"q": "практики"}))

    assert "og:title" not in found
