"""The database backend's ranked query (``search.database``): modelsearch's answers, in bounded queries."""

import random

import pytest
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search.service import searchable_pages
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the ranked query is SQLite FTS5's")

MODELSEARCH = "wagtail.search.backends.database"
WORDS = "громада портал послуга реєстр петиція бюджет карта черга відкритий електронний міський запис".split()


def uk_pages():
    return searchable_pages(Locale.objects.get(language_code="uk"))


@pytest.fixture
def ranked_example(empty_search_index, site_tree):
    """Four pages about a geoportal whose order follows from bm25 by hand (see the test)."""
    home = site_tree.home_uk
    return {
        "title": StandardPageFactory(parent=home, title="Геопортал", slug="title", intro="Карта міста."),
        "twice": StandardPageFactory(
            parent=home, title="Містобудування", slug="twice", intro="Геопортал і ще раз геопортал міста."
        ),
        "older": StandardPageFactory(
            parent=home, title="Земельні ділянки", slug="older", intro="Кадастр, геопортал, реєстри та карти земель."
        ),
        "newer": StandardPageFactory(
            parent=home, title="Земельні ресурси", slug="newer", intro="Кадастр, геопортал, реєстри та карти земель."
        ),
    }


def test_ranked_query_orders_matches_as_bm25_does(ranked_example, django_assert_num_queries):
    # bm25 favours the word in a short title (its score is also multiplied by title_norm + 1, and
    # the title is the shortest field), then two occurrences over one; the last two pages have the
    # same texts, so the same score, and the newer page (higher id) comes first, as in modelsearch.
    expected = [ranked_example[name].pk for name in ("title", "twice", "newer", "older")]
    results = uk_pages().search("геопортал", operator="or")
    assert type(get_search_backend()).__name__ == "RankedSQLiteSearchBackend"

    with django_assert_num_queries(2):  # the ranked slice, then its pages by primary key
        ranked = [page.pk for page in results[:10]]
    with django_assert_num_queries(1):
        count = results.count()

    assert ranked == expected
    assert count == 4
    assert ranked == [page.pk for page in uk_pages().search("геопортал", operator="or", backend=MODELSEARCH)[:10]]


def test_ranked_query_pages_through_matches_without_repeating_any(ranked_example):
    results = uk_pages().search("геопортал", operator="or")

    pages = [page.pk for page in results[0:2]] + [page.pk for page in results[2:4]]

    assert pages == [page.pk for page in results[:4]]
    assert len(set(pages)) == 4


def test_ranked_query_keeps_the_querysets_filters(ranked_example):
    Page.objects.filter(pk=ranked_example["twice"].pk).update(live=False)

    ranked = [page.pk for page in uk_pages().search("геопортал", operator="or")]

    assert ranked_example["twice"].pk not in ranked
    assert len(ranked) == 3


@pytest.fixture
def many_pages(empty_search_index, site_tree):
    """A few hundred pages drawn from a dozen words, so that a broad query matches most of them."""
    rng = random.Random(2013)
    for number in range(240):
        StandardPageFactory(
            parent=site_tree.home_uk,
            title=" ".join(rng.choices(WORDS, k=rng.randint(1, 4))).capitalize(),
            slug=f"page-{number}",
            intro=" ".join(rng.choices(WORDS, k=rng.randint(3, 40))),
        )


def test_broad_queries_give_modelsearchs_results_in_modelsearchs_order(many_pages):
    for query in ["портал петиція бюджет", "громада", "електронний реєстр черга карта запис"]:
        ranked = uk_pages().search(query, operator="or")
        unranked = uk_pages().search(query, operator="or", backend=MODELSEARCH)

        assert ranked.count() == unranked.count() > 100, query
        assert [page.pk for page in ranked[:200]] == [page.pk for page in unranked[:200]], query
        assert [page.pk for page in ranked[100:120]] == [page.pk for page in unranked[100:120]], query


def test_suggestions_are_modelsearchs_in_modelsearchs_order(many_pages):
    for prefix in ["гро", "елект", "пет"]:
        ranked = [page.pk for page in uk_pages().autocomplete(prefix)[:8]]

        assert len(ranked) == 8, prefix
        assert ranked == [page.pk for page in uk_pages().autocomplete(prefix, backend=MODELSEARCH)[:8]], prefix
