"""The API for other frontends: CORS from the configured origins, ETags and conditional GETs."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

FRONTEND = "https://frontend.example.org"


@pytest.fixture(autouse=True)
def frontend_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND]


def test_a_configured_frontend_may_read_the_api(client, site_tree):
    response = client.get("/api/v2/pages/", headers={"Origin": FRONTEND})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


def test_the_browser_preflight_of_a_configured_frontend_is_answered(client, site_tree):
    response = client.options(
        "/api/v2/search/",
        headers={"Origin": FRONTEND, "Access-Control-Request-Method": "GET"},
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "POST" not in response["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["get", "options"])
def test_another_origin_is_refused_in_the_apis_error_shape(client, site_tree, method):
    headers = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    response = getattr(client, method)("/api/v2/pages/", headers=headers)

    assert response.status_code == 403
    assert response.json() == {
        "error": "Джерело https://evil.example не може читати цей API з браузера.",
        "field": "Origin",
    }
    assert "Access-Control-Allow-Origin" not in response


def test_the_sites_own_pages_and_clients_without_a_browser_read_the_api(client, site_tree, settings):
    own = client.get("/api/v2/pages/", headers={"Origin": settings.SITE_URL})
    plain = client.get("/api/v2/pages/")

    assert own.status_code == plain.status_code == 200
    assert "Access-Control-Allow-Origin" not in plain


def test_the_site_itself_sends_no_cors_headers(client, site_tree):
    response = client.get("/uk/", headers={"Origin": FRONTEND})

    assert "Access-Control-Allow-Origin" not in response


def test_a_listing_answers_304_while_nothing_changed(client, site_tree):
    first = client.get("/api/v2/pages/")
    again = client.get("/api/v2/pages/", headers={"If-None-Match": first["ETag"]})
    StandardPageFactory(parent=site_tree.home_uk, title="Нова сторінка")
    changed = client.get("/api/v2/pages/", headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again.content == b""
    assert changed.status_code == 200


def test_a_page_carries_its_publication_time_for_conditional_gets(client, site_tree):
    url = f"/api/v2/pages/{site_tree.about_uk.pk}/"
    first = client.get(url)
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert first.status_code == 200
    assert since.status_code == 304
