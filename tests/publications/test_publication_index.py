import datetime

import pytest
from bs4 import BeautifulSoup

from publications.models import PUBLICATIONS_PER_PAGE, Kind

from .conftest import PublicationPageFactory

pytestmark = pytest.mark.django_db


def listed_titles(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [link.get_text() for link in html.select(".publication-list .card h3 a")]


def test_publications_are_listed_newest_first(client, publications_index):
    PublicationPageFactory(parent=publications_index, title="Старіша", publication_date=datetime.date(2013, 3, 1))
    PublicationPageFactory(parent=publications_index, title="Новіша", publication_date=datetime.date(2013, 10, 1))

    assert listed_titles(client.get(publications_index.url)) == ["Новіша", "Старіша"]


def test_drafts_and_private_publications_are_not_listed(client, publications_index):
    PublicationPageFactory(parent=publications_index, title="Опублікована")
    draft = PublicationPageFactory(parent=publications_index, title="Чернетка")
    draft.unpublish()

    assert listed_titles(client.get(publications_index.url)) == ["Опублікована"]


def test_kind_filter_shows_only_that_kind(client, publications_index):
    PublicationPageFactory(parent=publications_index, title="Звіт", kind=Kind.REPORT)
    PublicationPageFactory(parent=publications_index, title="Рекомендації", kind=Kind.RECOMMENDATIONS)

    assert listed_titles(client.get(publications_index.url, {"kind": "recommendations"})) == ["Рекомендації"]


def test_selected_kind_is_marked_current_and_offers_the_way_back(client, publications_index):
    PublicationPageFactory(parent=publications_index, kind=Kind.REPORT)

    html = BeautifulSoup(client.get(publications_index.url, {"kind": "report"}).content, "html.parser")

    nav = html.select_one(".publication-kinds")
    assert nav.select_one("[aria-current]").get_text() == "Аналітичний звіт"
    assert nav.find("a", href="?")


def test_unknown_kind_shows_every_publication_with_a_notice(client, publications_index):
    PublicationPageFactory(parent=publications_index, title="Звіт", kind=Kind.REPORT)
    PublicationPageFactory(parent=publications_index, title="Методика", kind=Kind.METHODOLOGY)

    response = client.get(publications_index.url, {"kind": "<script>"})

    assert sorted(listed_titles(response)) == ["Звіт", "Методика"]
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".publication-list .notice")
    assert "<script>" not in response.content.decode()


def test_a_kind_without_publications_says_so(client, publications_index):
    PublicationPageFactory(parent=publications_index, kind=Kind.REPORT)

    html = BeautifulSoup(client.get(publications_index.url, {"kind": "other"}).content, "html.parser")

    assert not html.select(".publication-list .card")
    assert html.select_one(".empty-state").find("a", href="?")


def test_long_lists_are_paginated_keeping_the_kind(client, publications_index):
    for day in range(1, PUBLICATIONS_PER_PAGE + 2):
        PublicationPageFactory(
            parent=publications_index, title=f"Звіт {day:02}", publication_date=datetime.date(2013, 1, day)
        )
    PublicationPageFactory(parent=publications_index, title="Методика", kind=Kind.METHODOLOGY)

    first = client.get(publications_index.url, {"kind": "report"})
    second = client.get(publications_index.url, {"kind": "report", "page": "2"})

    assert len(listed_titles(first)) == PUBLICATIONS_PER_PAGE
    assert listed_titles(second) == ["Звіт 01"]
    next_link = BeautifulSoup(first.content, "html.parser").select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?kind=report&page=2"


def test_a_page_number_out_of_range_shows_the_last_page(client, publications_index):
    PublicationPageFactory(parent=publications_index, title="Єдина")

    assert listed_titles(client.get(publications_index.url, {"page": "99"})) == ["Єдина"]
    assert listed_titles(client.get(publications_index.url, {"page": "abc"})) == ["Єдина"]
