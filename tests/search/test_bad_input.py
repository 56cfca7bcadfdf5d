"""Whatever a visitor or a client sends, search answers 200 or a 400 with a message, never a 500.

Property-based: hypothesis generates query strings and filter values, including query syntax,
control characters, emoji and mixed scripts; in the services pass they reach the real engine.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.service import search_site

SYNTAX = st.sampled_from(["AND (", '"', '""unbalanced', "*", "~", "~2", "OR", "NOT", "\\", "/", "^3", ":", "[", "{"])
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
WORDS = st.sampled_from(["черга", "ЦНАП", "Vinnytsia", "е-врядування", "😀", "м'ясо", "Київ", "\x00", "\u202e"])
QUERIES = st.one_of(TEXT, st.lists(st.one_of(SYNTAX, WORDS, TEXT), max_size=8).map(" ".join))
FILTER_VALUES = st.one_of(st.text(max_size=20), st.integers(-5, 3000).map(str), st.sampled_from(["", " ", "UA-05"]))
EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@EXAMPLES
@given(query=QUERIES)
def test_any_query_gets_an_answer(client, searchable_site_tree, query):
    response = client.get("/api/v2/search/", {"q": query, "locale": "uk"})

    assert response.status_code == 200
    assert response.json()["count"] >= 0


@EXAMPLES
@given(query=QUERIES, name=st.sampled_from(["type", "category", "region", "year", "page"]), value=FILTER_VALUES)
def test_any_filter_gets_an_answer_or_a_message(client, searchable_site_tree, query, name, value):
    response = client.get("/api/v2/search/", {"q": query, "locale": "uk", name: value})

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["field"] == name
        assert response.json()["error"]


@EXAMPLES
@given(query=QUERIES)
def test_the_search_page_and_suggestions_take_any_query(client, searchable_site_tree, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200
    assert client.get("/api/v2/search/suggest/", {"q": query, "locale": "en"}).status_code == 200


def test_a_very_long_query_is_cut_to_a_size_the_engine_takes(searchable_site_tree):
    result = search_site("проєкт " * 2000, "uk")

    assert len(result.query) <= 200


@pytest.mark.parametrize("query", ["", "   ", "***", "AND OR NOT"])
def test_a_query_without_words_finds_nothing(searchable_site_tree, query):
    assert search_site(query, "uk").count == 0
