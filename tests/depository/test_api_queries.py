"""The pages API lists any number of pages of a type in the same number of queries (``related_lookups``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.factories import CaseLibraryPageFactory, CasePageFactory
from tests.news.conftest import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

BUDGET = 25  # queries for a listing of 20 pages with every field (issue: pages API with fields=*)


def add_cases(home, count):
    library = CaseLibraryPageFactory(parent=home)
    cases = [
        CasePageFactory(parent=library, categories=("e-services/e-queue", "e-democracy"), adopted_by=("Ірпінь", "Буча"))
        for _number in range(count)
    ]
    for case in cases:
        case.tags.add("черга", "ЦНАП")
        case.indicators.create(label="Черга", value="−40 %")
        case.links.create(title="Сайт", url="https://example.org/")
        case.save_revision().publish()


def add_news(home, count):
    index = NewsIndexPageFactory(parent=home)
    case = CasePageFactory(parent=CaseLibraryPageFactory(parent=home, slug="library-for-news"))
    for _number in range(count):
        news = NewsPageFactory(parent=index, tags=("ЦНАП",))
        news.related_cases.create(case=case)
        news.save_revision().publish()


def add_events(home, count):
    index = EventIndexPageFactory(parent=home)
    for _number in range(count):
        EventPageFactory(parent=index)


LISTINGS = {
    "practices.CasePage": add_cases,
    "news.NewsPage": add_news,
    "events.EventPage": add_events,
}


def listing_queries(client, page_type):
    url = f"/api/v2/pages/?type={page_type}&fields=*&limit=20"
    client.get(url)  # the site's root paths and the like are cached on the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.json()["items"]), len(queries)


@pytest.mark.parametrize("page_type", LISTINGS)
def test_a_listing_costs_the_same_queries_for_a_few_pages_and_for_many(client, site_tree, page_type):
    LISTINGS[page_type](site_tree.home_uk, 2)
    few, few_queries = listing_queries(client, page_type)
    LISTINGS[page_type](site_tree.home_en, 18)
    many, many_queries = listing_queries(client, page_type)

    assert (few, many) == (2, 20)
    assert many_queries == few_queries <= BUDGET
