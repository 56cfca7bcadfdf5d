"""Liveness and readiness probes for load balancers and operators.

``/healthz`` answers as long as the process serves requests. ``/readyz`` checks each component the
site depends on and answers 503, naming the component and the error, when one of them fails.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def check_cache():
    cache.set("readyz", "ok", timeout=10)
    if cache.get("readyz") != "ok":
        raise RuntimeError("value written to the cache could not be read back")
    return cache.__class__.__name__


def check_broker():
    if not settings.REDIS_URL:
        return "tasks run in-process"
    from depository.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "redis"


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return "database"
    if not client.ping():
        raise RuntimeError("search engine does not answer at ")
    return client.info()["version"]["number"]


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "search": check_search,
}


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    components = {}
    for name, check in CHECKS.items():
        try:
            components[name] = {"status": "ok", "detail": check()}
        except Exception as error:  # noqa: BLE001 - any failure makes the component unready
            logger.error("readiness check failed: %s: %s: %s", name, type(error).__name__, error)
            components[name] = {"status": "error", "detail": f"{type(error).__name__}: {error}"}
    ready = all(component["status"] == "ok" for component in components.values())
    return JsonResponse({"status": "ok" if ready else "error", "components": components}, status=200 if ready else 503)
