"""Background work of webhooks: one signed POST per delivery, retried by the worker until it lands.

Delivery is at least once: a delivery already delivered is never sent again, but a worker that dies
between the receiver's answer and the database write sends it again with the same ``webhook-id``,
by which receivers tell repeats apart. A failed attempt is recorded and raised, so the worker
retries it with backoff (``jobs.tasks.run_django_task``); the delivery counts its own attempts and is
marked failed, without raising, on the last one the worker would make.
"""

import json
import logging
import time

import requests
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from .addresses import check_webhook_url, checked_session
from .models import PING, WebhookDelivery
from .signing import signature

logger = logging.getLogger(__name__)

TIMEOUT = (5, 10)  # connect, read (seconds): well inside a task's time limit
KEPT_RESPONSE = 300  # characters of a refusing receiver's answer kept in the log
USER_AGENT = "Depository-Webhooks/1"


class DeliveryFailed(Exception):
    """The receiver did not take the delivery; the worker tries again later."""


def max_attempts():
    """Attempts a delivery gets: the first and the worker's retries; one where tasks run in-process."""
    from jobs.backend import CeleryBackend
    from jobs.tasks import run_django_task

    if isinstance(deliver_webhook.get_backend(), CeleryBackend):
        return run_django_task.max_retries + 1
    return 1  # the in-process runner never retries


def request_headers(delivery, body):
    timestamp = int(time.time())
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": str(delivery.delivery_id),
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(delivery.endpoint.secret, delivery.delivery_id, timestamp, body),
    }


def post(delivery):
    """POST the delivery once; returns the HTTP status, raises DeliveryFailed with the reason."""
    delivery.last_status_code = None  # until this attempt has an answer
    try:
        check_webhook_url(delivery.endpoint.url)  # again: what the host name resolves to may have changed
    except ValidationError as error:
        raise DeliveryFailed(" ".join(error.messages)) from error
    body = json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode()
    try:
        with (
            checked_session() as session,
            session.post(
                delivery.endpoint.url,
                data=body,
                headers=request_headers(delivery, body),
                timeout=TIMEOUT,
                allow_redirects=False,
                stream=True,
            ) as response,
        ):
            delivery.last_status_code = response.status_code
            if 200 <= response.status_code < 300:
                return response.status_code
            answer = next(response.iter_content(KEPT_RESPONSE, decode_unicode=False), b"")
    except requests.RequestException as error:
        raise DeliveryFailed(f"{type(error).__name__}: {error}") from error
    text = answer.decode("utf-8", "replace").strip()
    raise DeliveryFailed(f"HTTP {response.status_code} {response.reason}" + (f": {text}" if text else ""))


@task()
def deliver_webhook(delivery_pk):
    """Send one delivery, unless it was delivered already or another worker is sending it right now."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_pk)
            .first()
        )
        if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
            return delivery and delivery.status
        if not delivery.endpoint.active and delivery.event != PING:
            # Switched off after the event: its pending retries stop (a test can still be sent).
            delivery.status, delivery.last_error = WebhookDelivery.Status.FAILED, gettext("The endpoint is not active.")
            delivery.save(update_fields=["status", "last_error"])
            return delivery.status
        delivery.attempts += 1
        try:
            post(delivery)
        except DeliveryFailed as error:
            delivery.last_error = str(error)
            last = delivery.attempts >= max_attempts()
            delivery.status = WebhookDelivery.Status.FAILED if last else WebhookDelivery.Status.PENDING
            failure = None if last else error
            logger.warning("webhooks: delivery %s to %s failed: %s", delivery.delivery_id, delivery.endpoint, error)
        else:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            delivery.last_error = ""
            failure = None
        delivery.save(update_fields=["attempts", "status", "last_status_code", "last_error", "delivered_at"])
    if failure is not None:
        raise failure
    return delivery.status
