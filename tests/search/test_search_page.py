import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document

from home.models import StandardPage
from search import service
from search.query import clean_query


def test_search_finds_pages_of_the_current_language_only(client, searchable_site_tree):
    uk = client.get("/uk/search/", {"q": "проєкт"}).content.decode()
    en = client.get("/en/search/", {"q": "project"}).content.decode()

    assert 'href="/uk/about/"' in uk
    assert 'href="/en/about/"' in en
    assert "/uk/about/" not in en


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {"q": "x" * 10_000}, {"q": 'AND ( " *'}, {"q": "проєкт", "page": "499"}, {"q": "\x00~😀"}],
)
def test_search_never_fails_on_odd_input(client, searchable_site_tree, params):
    response = client.get("/uk/search/", params)

    assert response.status_code == 200


@pytest.mark.parametrize("page", ["-1", "zz", "0"])
def test_search_explains_a_page_number_it_cannot_use(client, searchable_site_tree, page):
    response = client.get("/uk/search/", {"q": "проєкт", "page": page})

    assert response.status_code == 400
    assert "Номер сторінки" in response.content.decode() or "page must be a number" in response.content.decode()


def test_search_without_query_invites_to_type(client, searchable_site_tree):
    assert "Введіть слово" in client.get("/uk/search/").content.decode()


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ('AND ( "ЦНАП', "ЦНАП"),
        ("e-врядування NOT OR", "e-врядування"),
        ("м'ясо* ~2 \x00\x1f", "м'ясо 2"),
        ("😀 Vinnytsia", "Vinnytsia"),
    ],
)
def test_query_keeps_only_words(raw, cleaned):
    assert clean_query(raw) == cleaned


@pytest.fixture
def engine_down(settings, monkeypatch):
    """The engine unreachable (nothing listens on the discard port), with the database backend beside it.

    The search service starts out trusting the engine, whatever an earlier test's outage taught it.
    """
    monkeypatch.setattr(service, "_engine_down_until", 0.0)
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        settings.WAGTAILSEARCH_BACKENDS = {
            **settings.WAGTAILSEARCH_BACKENDS,
            "fallback": {"BACKEND": "search.database"},
        }
        call_command("update_index", backend_name="fallback", verbosity=0)
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {"BACKEND": "modelsearch.backends.opensearch3", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
    }


def test_search_answers_from_the_database_when_the_engine_fails(client, searchable_site_tree, engine_down, caplog):

    response = client.get("/en/search/", {"q": "project"})

    assert response.status_code == 200
    assert 'href="/en/about/"' in response.content.decode()
    assert "answering from the database" in caplog.text


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_the_media_apis_search_from_the_database_when_the_engine_fails(client, db, endpoint, request):
    document = Document(title="Звіт про електронні петиції")
    document.file.save("report.txt", ContentFile(b"report"), save=True)
    call_command("update_index", verbosity=0)
    request.getfixturevalue("engine_down")  # once the document is indexed

    response = client.get(f"/api/v2/{endpoint}/", {"search": "петиції"})

    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == (["Звіт про електронні петиції"] if endpoint == "documents" else [])


def test_the_results_page_has_its_own_search_box_with_the_query(client, searchable_site_tree):
    soup = BeautifulSoup(client.get("/uk/search/", {"q": "проєкт"}).content, "html.parser")
    box = soup.select_one("main form input[type=search][name=q]")
    assert box["value"] == "проєкт"
    assert soup.select_one(f"main label[for={box['id']}]").get_text(strip=True)


def test_visitors_see_what_a_page_is_not_the_admins_type_names(client, searchable_site_tree):
    soup = BeautifulSoup(client.get("/uk/search/", {"q": "проєкт"}).content, "html.parser")
    shown = {node.get_text(strip=True) for node in soup.select(".search-result__type, .search-facets li a")}
    assert "Сторінка" in shown
    assert not shown & {"Звичайна сторінка", "Standard page", "Головна сторінка"}


def test_static_pages_count_under_no_year():
    assert StandardPage(title="Про проєкт", first_published_at=timezone.now()).search_facets()["year"] is None
