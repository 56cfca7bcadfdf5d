import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry, Revision

from publications.models import Kind, PublicationIndexPage, PublicationPage
from tests.factories import translate

from .conftest import PublicationPageFactory

SITE = settings.SITE_URL

pytestmark = pytest.mark.django_db

AUTHORS = [
    {"type": "organisation", "value": "Національний центр електронного урядування"},
    {"type": "person", "value": "Олена Приклад"},
]
ADDRESSEES = [{"type": "addressee", "value": "Кабінет Міністрів України"}]


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(html):
    return json.loads(html.head.find("script", type="application/ld+json").string)


def test_documents_are_listed_with_format_and_readable_size(client, publications_index, make_document):
    document = make_document(name="zvit.pdf", size=2048, title="Повний текст звіту")
    page = PublicationPageFactory(parent=publications_index, documents=[document])

    item = page_html(client, page).select_one(".document-list li")

    assert item.a["href"] == document.url
    assert item.a.get_text() == "Повний текст звіту"
    assert item.select_one(".document-list__meta").get_text() == "(PDF, 2,0\xa0Кб)"


def test_a_document_whose_file_is_gone_is_listed_without_a_size(client, publications_index, make_document):
    document = make_document(name="annex.docx")
    document.file.storage.delete(document.file.name)
    document.file_size = None
    document.save()
    page = PublicationPageFactory(parent=publications_index, documents=[document])

    assert page_html(client, page).select_one(".document-list__meta").get_text() == "(DOCX)"


def test_authors_and_addressees_are_shown(client, publications_index):
    page = PublicationPageFactory(parent=publications_index, authors=AUTHORS, addressees=ADDRESSEES)

    facts = page_html(client, page).select_one(".publication__facts").get_text()

    assert "Національний центр електронного урядування" in facts
    assert "Олена Приклад" in facts
    assert "Кабінет Міністрів України" in facts


def test_structured_data_describes_a_report(client, publications_index):
    page = PublicationPageFactory(
        parent=publications_index,
        title="Кращі регіональні практики",
        publication_date=datetime.date(2013, 10, 15),
        authors=AUTHORS,
        addressees=ADDRESSEES,
        intro="Аналітичний матеріал.",
    )

    data = json_ld(page_html(client, page))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == "Кращі регіональні практики"
    assert data["datePublished"] == "2013-10-15"
    assert data["author"] == [
        {"@type": "Organization", "name": "Національний центр електронного урядування"},
        {"@type": "Person", "name": "Олена Приклад"},
    ]
    assert data["audience"] == [{"@type": "Audience", "name": "Кабінет Міністрів України"}]
    assert data["description"] == "Аналітичний матеріал."
    assert data["inLanguage"] == "uk"
    assert data["url"] == SITE + page.url
    assert data["publisher"]["@type"] == "Organization"


def test_structured_data_lists_the_documents_as_media_objects(client, publications_index, make_document):
    document = make_document(name="zvit.pdf", size=1536)
    page = PublicationPageFactory(parent=publications_index, documents=[document])

    (media,) = json_ld(page_html(client, page))["encoding"]

    assert media == {
        "@type": "MediaObject",
        "name": document.title,
        "contentUrl": SITE + document.url,
        "encodingFormat": "application/pdf",
        "contentSize": "1.5 KB",
    }


def test_structured_data_cannot_break_out_of_its_script(client, publications_index):
    page = PublicationPageFactory(parent=publications_index, title="</script><script>alert(1)</script>")

    response = client.get(page.url)

    assert b"<script>alert(1)" not in response.content
    assert json_ld(BeautifulSoup(response.content, "html.parser"))["name"] == page.title


def test_api_lists_documents_with_format_and_size(client, publications_index, make_document):
    document = make_document(name="zvit.pdf", size=100)
    page = PublicationPageFactory(parent=publications_index, documents=[document], kind=Kind.RECOMMENDATIONS)

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["kind"] == "recommendations"
    assert data["documents"] == [{"title": document.title, "url": SITE + document.url, "format": "PDF", "size": 100}]


def test_publications_live_only_under_a_publication_index(site_tree):
    assert not PublicationPage.can_create_at(site_tree.home_uk)
    assert PublicationIndexPage.can_create_at(site_tree.home_uk)
    assert not PublicationIndexPage.can_create_at(site_tree.about_uk)


def test_demo_publishes_the_stage_six_publications_in_both_languages_once(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    revisions, log_entries = Revision.objects.count(), PageLogEntry.objects.count()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert Revision.objects.count() == revisions
    assert PageLogEntry.objects.count() == log_entries
    for code in ("uk", "en"):
        pages = PublicationPage.objects.live().filter(locale__language_code=code)
        assert sorted(pages.values_list("kind", flat=True)) == ["recommendations", "report"]
        assert all(page.is_demo and page.documents.count() == 1 for page in pages)
    report = PublicationPage.objects.get(locale__language_code="en", kind=Kind.REPORT)
    assert (
        report.translation_key
        == PublicationPage.objects.get(locale__language_code="uk", kind=Kind.REPORT).translation_key
    )
    html = page_html(client, report)
    assert "Cabinet of Ministers of Ukraine" in html.select_one(".publication__facts").get_text()
    assert html.select_one(".document-list__meta").get_text().startswith("(PDF, ")
    assert client.get(html.select_one(".document-list a")["href"]).status_code == 200
    indexes = PublicationIndexPage.objects.live()
    assert sorted(index.url for index in indexes) == ["/en/publications/", "/uk/publications/"]
    assert all(index.show_in_menus for index in indexes)


def test_publications_are_shared_as_articles_with_their_cover(client, publications_index):
    cache.clear()  # Wagtail caches renditions by image id, which a previous test may have used
    cover = get_image_model().objects.create(title="Обкладинка", file=get_test_image_file(size=(1300, 700)))
    page = PublicationPageFactory(parent=publications_index, cover_image=cover)

    head = page_html(client, page).head

    assert head.find("meta", property="og:type")["content"] == "article"
    assert head.find("meta", property="og:image")["content"].endswith(cover.get_rendition("fill-1200x630").url)
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_a_translated_publication_keeps_its_files_kind_and_date(client, publications_index, make_document, site_tree):
    document = make_document(name="zvit.pdf")
    page = PublicationPageFactory(
        parent=publications_index, kind=Kind.RECOMMENDATIONS, authors=AUTHORS, documents=[document]
    )
    translate(publications_index, "en", title="Publications")

    english = translate(page, "en", title="Recommendations", authors=[{"type": "person", "value": "Olena Pryklad"}])

    html = page_html(client, english)
    assert english.kind == Kind.RECOMMENDATIONS
    assert english.publication_date == page.publication_date
    assert html.select_one(".document-list a")["href"] == document.url
    assert json_ld(html)["author"] == [{"@type": "Person", "name": "Olena Pryklad"}]
    assert json_ld(html)["inLanguage"] == "en"
