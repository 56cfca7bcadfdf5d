import logging

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from depository.settings import redis_cache

pytestmark = pytest.mark.django_db

TOKEN = "readiness-token-of-the-monitor"
BROKEN_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
}


def test_healthz_answers_while_the_process_serves(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_every_component_ready(client):
    call_command("update_index", verbosity=0)  # as after a deployment: the engine's indexes exist

    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["components"]) == {"database", "cache", "broker", "search", "outbox"}
    assert all(component["status"] == "ok" for component in body["components"].values())


def test_readyz_names_a_broken_component(client, settings, caplog):
    settings.READINESS_TOKEN = TOKEN
    settings.CACHES = BROKEN_CACHE  # nothing listens on port 9 (discard) of the loopback interface

    response = client.get("/readyz", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["components"]["cache"]["status"] == "error"
    assert "ConnectionError" in body["components"]["cache"]["detail"]
    assert body["components"]["database"]["status"] == "ok"
    assert "readiness check failed: cache" in caplog.text


@pytest.mark.services
@pytest.mark.django_db
def test_readiness_fails_when_the_search_index_exists_with_the_wrong_mappings(client, settings, real_services):
    """Such an index answers, but faceted queries fall back to the database: the site is not ready."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {**backends, "default": {**backends["default"], "INDEX_PREFIX": "test_wrongmap_"}}
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    name = backend.get_index_for_model(Page).name
    backend.es.indices.create(index=name, body={"mappings": {"properties": {"facet_type": {"type": "text"}}}})
    settings.READINESS_TOKEN = TOKEN
    try:
        response = client.get("/readyz", headers={"Authorization": f"Bearer {TOKEN}"})
    finally:
        backend.es.indices.delete(index=name)

    assert response.status_code == 503
    search = response.json()["components"]["search"]
    assert search["status"] == "error"
    assert "facet_type: text, expected keyword" in search["detail"]


def test_pages_are_served_while_the_redis_cache_is_down(client, settings, site_tree):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:9/0")}  # nothing listens there

    assert client.get("/uk/").status_code == 200
    assert client.get("/en/about/").status_code == 200
    assert client.get("/readyz").status_code == 503


def test_a_failed_cache_call_is_logged_in_one_line_naming_the_error(client, settings, site_tree, caplog):
    settings.CACHES = {"default": redis_cache("redis://127.0.0.1:9/0")}

    with caplog.at_level(logging.ERROR, logger="depository.cache"):
        client.get("/uk/")

    records = [record for record in caplog.records if record.name == "depository.cache"]
    assert records
    for record in records:
        assert record.exc_info is None and record.exc_text is None
        assert "Connection refused" in record.getMessage() and "\n" not in record.getMessage()


def test_readyz_shows_anyone_only_the_statuses(client, settings):
    settings.READINESS_TOKEN = TOKEN
    settings.CACHES = BROKEN_CACHE

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["components"]["cache"] == {"status": "error"}
    assert body["components"]["database"] == {"status": "ok"}
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.parametrize(
    "authorization", ["Bearer wrong-token", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN}x", "Bearer ", "Bearer токен"]
)
def test_readyz_refuses_details_to_a_wrong_token(client, settings, authorization):
    settings.READINESS_TOKEN = TOKEN

    body = client.get("/readyz", headers={"Authorization": authorization}).json()

    assert all(set(component) == {"status"} for component in body["components"].values())


def test_readyz_gives_no_details_to_a_bearer_when_no_token_is_set(client, settings):
    settings.READINESS_TOKEN = ""

    body = client.get("/readyz", headers={"Authorization": "Bearer "}).json()

    assert all(set(component) == {"status"} for component in body["components"].values())


def test_readyz_shows_the_details_to_staff(client):
    client.force_login(User.objects.create_user("operator", is_staff=True))

    body = client.get("/readyz").json()

    assert body["components"]["database"]["detail"]


def test_readyz_gives_no_details_to_a_signed_in_visitor_who_is_not_staff(client):
    client.force_login(User.objects.create_user("visitor"))

    body = client.get("/readyz").json()

    assert "detail" not in body["components"]["database"]
