"""What visitors notice about site search, on the database backend and (services pass) on OpenSearch.

Every test here runs in both passes: on the embedded defaults through Wagtail's database backend,
and against a real OpenSearch node indexed by a real Celery worker.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from wagtail.contrib.search_promotions.models import Query

from practices.models import Region
from search import service
from search.models import Synonym, UnansweredQuery
from search.service import search_site, suggest
from tests.factories import CaseLibraryPageFactory, CasePageFactory, StandardPageFactory, translate
from tests.services import wait_until

QUEUE_PROBLEM = "У містах області люди годинами стояли в чергах до центрів надання послуг."


@pytest.fixture
def corpus(empty_search_index, site_tree):
    library_uk = CaseLibraryPageFactory(parent=site_tree.home_uk)
    library_en = translate(library_uk, "en", title="Case library")
    queue = CasePageFactory(
        parent=library_uk,
        title="Електронна черга до ЦНАП",
        intro="Запис на прийом онлайн скоротив очікування <удвічі>.",
        problem=QUEUE_PROBLEM,
        community="Вінниця",
        categories=["e-services/e-queue"],
        year=2015,
    )
    petitions = CasePageFactory(
        parent=library_uk,
        title="Електронні петиції міської ради",
        intro="Мешканці подають петиції та збирають підписи на сайті.",
        community="Житомир",
        region=Region.objects.get(code="UA-18"),
        categories=["e-democracy/e-petitions"],
        year=2018,
    )
    queue_en = CasePageFactory(
        parent=library_en,
        key="queue-en",
        title="Electronic queue at the service centre",
        intro="Online appointments halved the waiting time in Vinnytsia.",
        community="Vinnytsia",
        categories=[],
        year=2015,
    )
    news = StandardPageFactory(parent=site_tree.home_uk, title="Новини проєкту", slug="news-uk")
    wait_until(lambda: search_site("петиції", "uk").count >= 1, message="the cases in the index")
    wait_until(lambda: search_site("queue", "en").count >= 1, message="the English case in the index")
    return SimpleNamespace(queue=queue, petitions=petitions, queue_en=queue_en, news=news, site_tree=site_tree)


@pytest.fixture(autouse=True)
def engine_answers_again():
    service._engine_down_until = 0.0
    yield
    service._engine_down_until = 0.0


def titles(result):
    return [hit.page.title for hit in result.items]


def test_inflected_words_find_their_dictionary_forms(corpus):
    assert "Електронна черга до ЦНАП" in titles(search_site("черги у місті", "uk"))
    assert "Електронні петиції міської ради" in titles(search_site("петицією", "uk"))


def test_a_latin_place_name_finds_its_ukrainian_spelling_and_back(corpus):
    assert "Електронна черга до ЦНАП" in titles(search_site("Vinnytsia", "uk"))
    assert "Electronic queue at the service centre" in titles(search_site("Вінниці", "en"))


def test_english_queries_find_english_words_in_other_forms(corpus):
    assert "Electronic queue at the service centre" in titles(search_site("appointment queues", "en"))


def test_an_editors_synonym_finds_the_other_term(corpus):
    assert "Електронна черга до ЦНАП" not in titles(search_site("адмінцентр", "uk"))

    Synonym.objects.create(terms="ЦНАП, адмінцентр, центр надання адміністративних послуг")

    assert "Електронна черга до ЦНАП" in titles(search_site("адмінцентр", "uk"))


def test_results_are_pages_of_the_asked_language_only(corpus):
    result = search_site("черга", "uk")

    assert result.items
    assert {hit.page.locale.language_code for hit in result.items} == {"uk"}


def test_highlight_marks_the_matched_word_and_escapes_the_text(corpus):
    [hit] = [hit for hit in search_site("запису", "uk").items if hit.page.pk == corpus.queue.pk]

    assert "<mark>Запис</mark>" in hit.highlight
    assert "&lt;удвічі&gt;" in hit.highlight


def test_facets_count_type_category_region_and_year(corpus):
    facets = search_site("електронна", "uk").facets

    assert {"value": "practices.casepage", "label": "Кейс", "count": 2} in facets["type"]
    assert {"value": "e-services", "label": "Електронні послуги", "count": 1} in facets["category"]
    assert {"value": "UA-05", "label": "Вінницька область", "count": 1} in facets["region"]
    assert {"value": "UA-18", "label": "Житомирська область", "count": 1} in facets["region"]
    assert [entry["value"] for entry in facets["year"]] == [2018, 2015]


def test_a_filter_narrows_results_and_facets_still_offer_the_other_values(corpus):
    result = search_site("електронна", "uk", {"category": "e-democracy"})

    assert titles(result) == ["Електронні петиції міської ради"]
    assert {entry["value"] for entry in result.facets["category"]} >= {"e-democracy", "e-services"}
    assert result.facets["year"] == [{"value": 2018, "label": "2018", "count": 1}]


def test_suggestions_complete_a_title_being_typed(corpus):
    suggestions = suggest("Електронні пет", "uk")

    assert suggestions[0]["title"] == "Електронні петиції міської ради"
    assert suggestions[0]["url"].startswith("/uk/")


def test_search_api_answers_in_the_documented_shape(client, corpus):
    body = client.get("/api/v2/search/", {"q": "черга", "locale": "uk"}).json()

    assert body["count"] >= 1
    item = next(item for item in body["items"] if item["id"] == corpus.queue.pk)
    assert item["type"] == "practices.CasePage"
    assert item["key"] == corpus.queue.key
    assert item["locale"] == "uk"
    assert item["url"].endswith(corpus.queue.url)
    assert "<mark>" in item["highlight"]
    assert set(body["facets"]) == {"type", "category", "region", "year"}


def test_search_page_and_api_give_the_same_results(client, corpus):
    api = client.get("/api/v2/search/", {"q": "електронна", "locale": "uk"}).json()
    page = client.get("/uk/search/", {"q": "електронна"}).content.decode()

    positions = [page.index(f'href="{urlsplit(item["url"]).path}"') for item in api["items"]]
    assert positions == sorted(positions)


def test_pages_api_search_parameter_goes_through_the_search_service(client, corpus):
    body = client.get("/api/v2/pages/", {"search": "петицією", "locale": "uk"}).json()

    assert [item["title"] for item in body["items"]] == ["Електронні петиції міської ради"]


def test_suggest_api_answers_json(client, corpus):
    body = client.get("/api/v2/search/suggest/", {"q": "Electronic q", "locale": "en"}).json()

    assert body["suggestions"][0]["title"] == "Electronic queue at the service centre"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "черга", "year": "двадцять"}, "year"),
        ({"q": "черга", "page": "-1"}, "page"),
        ({"q": "черга", "region": "Kyiv'; DROP"}, "region"),
        ({"q": "черга", "type": "auth.user"}, "type"),
        ({"q": "черга", "locale": "fr"}, "locale"),
    ],
)
def test_search_api_refuses_a_malformed_filter_with_a_message(client, corpus, params, field):
    response = client.get("/api/v2/search/", params)

    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["error"]


def test_an_unknown_but_wellformed_filter_value_gives_an_empty_answer(client, corpus):
    body = client.get("/api/v2/search/", {"q": "черга", "category": "no-such-category"}).json()

    assert body["count"] == 0
    assert body["items"] == []


def test_queries_that_find_nothing_are_counted_for_editors(client, corpus):
    client.get("/uk/search/", {"q": "космодром"})
    client.get("/api/v2/search/", {"q": "Космодром", "locale": "uk"})

    # Counted by a background task: in the services pass, by the Celery worker.
    counted = UnansweredQuery.objects.filter(query_string="космодром", language_code="uk", hits=2)
    wait_until(counted.exists, message="both searches counted")


def test_only_administrators_see_the_report_of_queries_with_no_results(client, corpus, django_user_model):
    UnansweredQuery.record("космодром", "uk")
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get("/admin/reports/unanswered-queries/").status_code in (302, 403)

    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    response = client.get("/admin/reports/unanswered-queries/")
    assert response.status_code == 200
    assert "космодром" in response.content.decode()


def test_search_answers_from_the_database_while_the_engine_is_down_and_returns_to_it(corpus, settings, caplog):
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        pytest.skip("the embedded defaults have no engine to lose")
    working = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {
        **working,
        "default": {**working["default"], "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
    }

    down = search_site("петиції", "uk")

    assert down.engine == "database"
    assert "Електронні петиції міської ради" in titles(down)
    assert "answering from the database" in caplog.text

    settings.WAGTAILSEARCH_BACKENDS = working
    assert search_site("петиції", "uk").engine == "database"  # the engine is left alone for a while
    service._engine_down_until = 0.0  # ...until the retry time has passed
    assert search_site("петиції", "uk").engine == "engine"


def test_readiness_reports_search_degraded_when_the_engine_is_unreachable(client, settings, db):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
        "fallback": {"BACKEND": "search.database"},
    }

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["components"]["search"]["status"] == "degraded"


def test_the_engine_is_used_when_configured(corpus):
    expected = "engine" if "fallback" in settings.WAGTAILSEARCH_BACKENDS else "database"

    assert search_site("черга", "uk").engine == expected


def test_a_typo_in_a_longer_word_still_finds_it(corpus):
    assert "Електронні петиції міської ради" in titles(search_site("петіції", "uk"))
    assert "Electronic queue at the service centre" in titles(search_site("Electornic", "en"))


def test_a_newly_published_word_is_known_to_the_typo_tolerance(corpus):
    StandardPageFactory(parent=corpus.site_tree.home_uk, title="Геоінформаційна система міста", slug="gis")
    wait_until(lambda: search_site("геоінформаційна", "uk").count, message="the new page in the index")

    assert "Геоінформаційна система міста" in titles(search_site("геоінформацйна", "uk"))


def test_editors_picks_come_first_for_their_query(client, corpus):
    query = Query.get("черга")
    query.editors_picks.create(page=corpus.petitions, description="Спробуйте також петиції.", sort_order=0)
    query.editors_picks.create(page=corpus.queue_en, sort_order=1)  # another language: not shown

    body = client.get("/api/v2/search/", {"q": "Черга", "locale": "uk"}).json()
    html = client.get("/uk/search/", {"q": "черга"}).content.decode()

    assert [pick["title"] for pick in body["promotions"]] == ["Електронні петиції міської ради"]
    assert html.index("Спробуйте також петиції.") < html.index('class="search-results"')
