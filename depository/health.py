"""Liveness and readiness probes for load balancers and operators.

``/healthz`` answers as long as the process serves requests. ``/readyz`` checks each component the
site depends on and answers 503, naming the component and the error, when one of them fails. A
component that fails while the site still serves through a substitute (search answered from the
database while the engine is down) is ``degraded``: the answer says so, with status 200.

Anyone gets the statuses; the details (hosts, driver errors, versions) help an attacker as much as
an operator, so only signed-in staff users (``is_staff``) and a monitor carrying READINESS_TOKEN
(``Authorization: Bearer …``) see them.
"""

import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
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


class Degraded(Exception):
    """The component fails, and the site serves without it."""


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return "database"
    from search.reconcile import index_problems

    try:
        version = client.info()["version"]["number"]
        problems = index_problems(backend)
    except Exception as error:
        if "fallback" in settings.WAGTAILSEARCH_BACKENDS:
            raise Degraded(f"search engine unreachable ({type(error).__name__}); searching the database") from error
        raise
    if problems:
        # Queries on such an index fail or fall back to the database: not ready, even if it answers.
        raise RuntimeError(f"search index unusable: {'; '.join(problems[:5])}")
    return version


OUTBOX_LAG_LIMIT = timedelta(minutes=1)


def check_outbox():
    from jobs.models import OutboxMessage

    pending = OutboxMessage.objects.pending()
    oldest = pending.order_by("id").values_list("created_at", flat=True).first()
    if oldest and timezone.now() - oldest > OUTBOX_LAG_LIMIT:
        raise Degraded(f"{pending.count()} background task(s) waiting since {oldest.isoformat()}")
    return f"{pending.count()} pending"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "search": check_search,
    "outbox": check_outbox,
}


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def may_see_details(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_staff:
        return True
    token = settings.READINESS_TOKEN
    scheme, _, credential = request.headers.get("Authorization", "").partition(" ")
    return (
        bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(credential.strip().encode(), token.encode())
    )


@never_cache
def readyz(request):
    components = {}
    for name, check in CHECKS.items():
        try:
            components[name] = {"status": "ok", "detail": check()}
        except Degraded as error:
            logger.warning("readiness check degraded: %s: %s", name, error)
            components[name] = {"status": "degraded", "detail": str(error)}
        except Exception as error:  # noqa: BLE001 - any failure makes the component unready
            logger.error("readiness check failed: %s: %s: %s", name, type(error).__name__, error)
            components[name] = {"status": "error", "detail": f"{type(error).__name__}: {error}"}
    statuses = {component["status"] for component in components.values()}
    status = "error" if "error" in statuses else "degraded" if "degraded" in statuses else "ok"
    if not may_see_details(request):
        components = {name: {"status": component["status"]} for name, component in components.items()}
    return JsonResponse({"status": status, "components": components}, status=503 if status == "error" else 200)
