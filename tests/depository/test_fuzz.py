"""Whatever a client sends to a public address, the site answers it: never 5xx.

Property-based: hypothesis sends every public endpoint arbitrary values for each parameter it reads
(NUL and other control characters, huge and negative numbers, digits of other scripts, very long
strings, values that almost make sense), and arbitrary text where the address itself holds a value.
An error of the API must come in its one shape, ``{"error", "field"}``. tests/search/test_bad_input.py
goes deeper into search queries (query syntax reaching the engine); this module covers the rest.
"""

from urllib.parse import quote

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depository.bad_input import API_PATH

ODD_VALUES = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\x1f\u202e",
        "²",
        "٣",
        "0",
        "-1",
        "1e9",
        str(2**31),
        str(2**63),
        str(2**64),
        "9" * 5000,
        "x" * 20_000,
        "true",
        "root",
        "and",
        "or",
        "*",
        "-title",
        "random",
        "uk",
        "en",
        "UA-05",
        "e-services/e-queue",
        "2015",
        "2015-01-01",
        "practices.CasePage",
        "csv",
        "jsonl",
        "😀",
    ]
)
VALUES = st.one_of(
    ODD_VALUES,
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.builds(lambda text, times: text * times, st.text(min_size=1, max_size=3), st.integers(300, 3000)),
)
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

PAGES_API = [
    "type",
    "fields",
    "locale",
    "search",
    "search_operator",
    "order",
    "offset",
    "limit",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "site",
    "id",
    "title",
    "slug",
    "first_published_at",
    "show_in_menus",
    "rich_text_format",
    "category",
    "region_code",
]
CASES_API = ["category", "region_code", "level", "year", "status", "award", "key", "offset", "limit", "order", "fields"]
MEDIA_API = ["search", "search_operator", "title", "tags", "id", "order", "offset", "limit", "fields"]
LIBRARY = ["category", "region", "level", "year_from", "year_to", "status", "award", "adopted", "sort", "page"]
SEARCH = ["q", "locale", "type", "category", "region", "year", "page"]


@pytest.fixture
def public_site(public_site):
    """The public site, in the search index as it is in production (the engine's, in the services pass)."""
    call_command("update_index", verbosity=0)
    return public_site


def parameters(names):
    return st.dictionaries(st.sampled_from(names), VALUES, max_size=4)


def answer(client, path, params=None, method="get"):
    """The response, its body read to the end: downloads stream, and a stream can fail halfway."""
    response = getattr(client, method)(path, params or {})
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def assert_answered(response, path):
    assert response.status_code < 500, (path, response.status_code)
    if path.startswith(API_PATH) and response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error", "field"} and body["error"], body


@EXAMPLES
@given(endpoint=st.sampled_from(["/api/v2/pages/", "/api/v2/pages/find/"]), params=parameters(PAGES_API))
def test_the_pages_api_answers_any_parameters(client, public_site, endpoint, params):
    assert_answered(answer(client, endpoint, params), endpoint)


@EXAMPLES
@given(params=parameters(CASES_API))
def test_the_case_filters_of_the_pages_api_answer_any_value(client, public_site, params):
    response = answer(client, "/api/v2/pages/", {"type": "practices.CasePage", **params})

    assert_answered(response, "/api/v2/pages/")


@EXAMPLES
@given(endpoint=st.sampled_from(["/api/v2/images/", "/api/v2/documents/"]), params=parameters(MEDIA_API))
def test_the_images_and_documents_apis_answer_any_parameters(client, public_site, endpoint, params):
    assert_answered(answer(client, endpoint, params), endpoint)


@EXAMPLES
@given(
    endpoint=st.sampled_from(["/api/v2/search/", "/api/v2/search/suggest/", "/uk/search/", "/en/search/"]),
    params=parameters(SEARCH),
)
def test_search_answers_any_parameters(client, public_site, endpoint, params):
    assert_answered(answer(client, endpoint, params), endpoint)


@EXAMPLES
@given(file_format=st.sampled_from([None, "csv", "jsonl"]), params=parameters([*LIBRARY, "format"]))
def test_the_case_library_and_its_downloads_answer_any_filters(client, public_site, file_format, params):
    if file_format:
        params["format"] = file_format
    assert_answered(answer(client, public_site.library.url, params), public_site.library.url)


@EXAMPLES
@given(
    path=st.sampled_from(
        [
            "/uk/events/",
            "/en/events/",
            "/uk/events/calendar.ics",
            "/en/events/calendar.ics",
            "/uk/news/",
            "/uk/news/feed/rss/",
            "/uk/news/feed/atom/",
            "/sitemap.xml",
            "/robots.txt",
        ]
    ),
    params=st.dictionaries(st.sampled_from(["kind", "page", "tag", "p", "format"]), VALUES, max_size=3),
)
def test_indexes_feeds_calendars_and_the_sitemap_answer_any_parameters(client, public_site, path, params):
    assert_answered(answer(client, path, params), path)


@EXAMPLES
@given(value=VALUES, address=st.sampled_from(["/uk/events/registrations/{}/cancel/", "/uk/events/{}.ics", "/uk/{}/"]))
def test_any_value_in_the_address_is_answered(client, public_site, value, address):
    path = address.format(quote(value, safe=""))

    assert_answered(answer(client, path), path)
    if "cancel" in path:
        assert_answered(answer(client, path, method="post"), path)


@EXAMPLES
@given(
    fields=st.dictionaries(
        st.sampled_from(["name", "email", "organisation", "comment", "consent", "website"]), VALUES, max_size=5
    )
)
def test_the_registration_form_answers_any_fields(client, public_site, fields):
    assert_answered(answer(client, public_site.event.url, fields, method="post"), public_site.event.url)
