"""The site's own 404, 500 and 503 pages, in the visitor's language, the last two without the database."""

import re
import socket
from contextlib import contextmanager
from pathlib import Path
from tempfile import mkdtemp

import pytest
from django.db import connections
from django.urls import get_resolver


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def unreachable_database():
    """The database really unreachable: the next connection goes where there is no database."""
    connection = connections["default"]
    saved_settings = dict(connection.settings_dict)
    saved_connection, connection.connection = connection.connection, None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(Path(mkdtemp()) / "missing-directory" / "db.sqlite3")
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    try:
        yield
    finally:
        connection.settings_dict.clear()
        connection.settings_dict.update(saved_settings)
        connection.connection = saved_connection


@pytest.fixture
def database_down(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), unreachable_database():
        yield


def html_language(response):
    return re.search(r'<html lang="([a-z]+)">', response.content.decode()).group(1)


def assert_has_search_box_and_home_link(response, language):
    content = response.content.decode()
    assert f'<form class="site-search" role="search" action="/{language}/search/" method="get">' in content
    assert '<input id="site-search-query" type="search" name="q"' in content
    assert f'<a class="button" href="/{language}/">' in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/uk/no-such-page/", "uk", "Сторінку не знайдено"), ("/en/no-such-page/", "en", "Page not found")],
)
def test_missing_page_answers_the_sites_404_in_the_language_of_its_address(client, site_tree, path, language, heading):
    response = client.get(path)

    assert response.status_code == 404
    assert html_language(response) == language
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert "<code>" + path + "</code>" in response.content.decode()
    assert_has_search_box_and_home_link(response, language)


@pytest.mark.django_db
def test_missing_document_answers_the_404_in_the_browsers_language(client, site_tree):
    response = client.get("/documents/999999/missing.pdf", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.status_code == 404
    assert html_language(response) == "en"
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/uk/about/", "uk", "Щось пішло не так"), ("/en/about/", "en", "Something went wrong")],
)
def test_server_error_page_renders_without_the_database(rf, database_down, path, language, heading):
    response = get_resolver().resolve_error_handler(500)(rf.get(path))

    assert response.status_code == 500
    assert html_language(response) == language
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert_has_search_box_and_home_link(response, language)


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [("/uk/about/", "uk", "Сайт тимчасово недоступний"), ("/en/about/", "en", "The site is temporarily unavailable")],
)
def test_page_answers_503_with_retry_after_while_the_database_is_unreachable(
    client, database_down, caplog, path, language, heading
):
    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert html_language(response) == language
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert_has_search_box_and_home_link(response, language)
    assert f"database unavailable for {path}: OperationalError" in caplog.text


def test_database_error_outside_a_view_answers_503_too(client, database_down):
    # "/" has no view: the 404 passes Wagtail's redirect middleware, which looks the address up in the
    # database, before the locale middleware would redirect by the browser's language. Django hands
    # such an error to the 500 handler; the test client would raise it instead of answering.
    client.raise_request_exception = False
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert html_language(response) == "en"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_site_answers_again_once_the_database_is_back(client, site_tree):
    with unreachable_database():
        assert client.get("/en/about/").status_code == 503

    response = client.get("/en/about/")

    assert response.status_code == 200
    assert "About the project" in response.content.decode()


def test_the_api_answers_503_in_its_error_shape_while_the_database_is_unreachable(client, database_down):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="uk")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"error": "Сервіс тимчасово недоступний; спробуйте ще раз за хвилину.", "field": None}
