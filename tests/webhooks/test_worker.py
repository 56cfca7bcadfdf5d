"""A webhook reaches a receiver that was down when the page was published, once, through the real worker."""

import pytest

from tests.factories import StandardPageFactory
from tests.services import free_port, wait_for_idle_worker, wait_until
from tests.webhooks.receiver import Receiver
from webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from webhooks.signing import signature

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_receiver_down_at_publishing_gets_the_delivery_once_it_is_back(celery_worker, site_tree, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True  # as the worker has it (tests/services.py)
    receiver = Receiver(port=free_port())  # not listening yet: the receiver is down
    endpoint = WebhookEndpoint.objects.create(name="Partner", url=receiver.url, events=[Event.PUBLISHED])

    page = StandardPageFactory(parent=site_tree.home_uk, title="Відкриті дані громади", slug="open-data")

    delivery = wait_until(
        lambda: WebhookDelivery.objects.filter(page_id=page.pk, attempts__gte=1).first(),
        message="a first, failed attempt",
    )
    assert delivery.status == "pending" and delivery.last_error
    receiver.start()
    try:
        wait_until(
            lambda: WebhookDelivery.objects.filter(pk=delivery.pk, status="delivered").exists(),
            timeout=120,
            message="the retried delivery to arrive",
        )
        wait_for_idle_worker()
    finally:
        receiver.stop()

    [request] = receiver.requests
    [payload] = receiver.payloads()
    assert payload["event"] == "page.published" and payload["page"]["id"] == page.pk
    headers = request["headers"]
    assert headers["webhook-id"] == str(delivery.delivery_id)
    assert headers["webhook-signature"] == signature(
        endpoint.secret, headers["webhook-id"], headers["webhook-timestamp"], request["body"]
    )
    delivery.refresh_from_db()
    assert delivery.attempts >= 2 and delivery.last_status_code == 204
