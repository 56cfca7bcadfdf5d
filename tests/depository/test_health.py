import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_while_the_process_serves(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_every_component_ready(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["components"]) == {"database", "cache", "broker", "search"}
    assert all(component["status"] == "ok" for component in body["components"].values())


def test_readyz_names_a_broken_component(client, settings, caplog):
    # Nothing listens on port 9 (discard) of the loopback interface.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["components"]["cache"]["status"] == "error"
    assert "ConnectionError" in body["components"]["cache"]["detail"]
    assert body["components"]["database"]["status"] == "ok"
    assert "readiness check failed: cache" in caplog.text
