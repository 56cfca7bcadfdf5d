"""An English publication names its files in English, whatever language the documents were uploaded in."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from tests.factories import translate, translate_in_localize
from tests.publications.conftest import PublicationPageFactory

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def download_links(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [(link.get_text(), link["href"]) for link in html.select(".document-list li a")]


def test_a_translator_gives_the_english_page_its_own_document_and_title(client, publications_index, make_document):
    ukrainian = make_document(name="zvit.pdf", title="Повний текст звіту")
    english = make_document(name="report.pdf", title="report.pdf")
    page = PublicationPageFactory(parent=publications_index, documents=[ukrainian])
    translate(publications_index, "en", title="Publications")
    row = page.documents.get()

    translation = translate_in_localize(
        page,
        "en",
        strings={"title": "Full report"},
        overrides={f"documents.{row.translation_key}.document": english.pk},
    )
    # A title of the link's own, given once the row has one in the source.
    row.title = "Звіт"
    row.save()
    translation = translate_in_localize(page, "en", strings={f"documents.{row.translation_key}.title": "The report"})

    assert download_links(client, translation) == [("The report", english.url)]
    assert download_links(client, page) == [("Звіт", ukrainian.url)]
    english_row = translation.documents.get()
    assert english_row.translation_key == row.translation_key and english_row.locale == translation.locale


def test_the_api_gives_the_title_of_the_pages_language(client, publications_index, make_document):
    page = PublicationPageFactory(parent=publications_index, documents=[make_document(title="Повний текст звіту")])
    translate(publications_index, "en", title="Publications")
    translation = translate(page, "en", title="Report")
    row = translation.documents.get()
    row.title = "Full text of the report"
    row.save()

    data = client.get(f"/api/v2/pages/{translation.pk}/?fields=documents").json()

    assert [document["title"] for document in data["documents"]] == ["Full text of the report"]


def test_the_english_demo_publications_name_their_files_in_english(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))

    page = client.get("/en/publications/best-regional-practices-report/")
    html = BeautifulSoup(page.content, "html.parser")

    assert [link.get_text() for link in html.select(".document-list li a")] == [
        "Best regional e-governance practices (demo file)"
    ]
