"""Page events reach registered endpoints as signed POSTs, on a real HTTP receiver on loopback."""

import re
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from tests.factories import StandardPageFactory
from webhooks.models import Event, WebhookDelivery
from webhooks.signing import signature
from webhooks.tasks import DeliveryFailed, deliver_webhook

pytestmark = pytest.mark.django_db

README = Path(settings.BASE_DIR) / "README.md"


def readme_verify():
    """The ``verify`` function of the README's consumer example, run as written there."""
    section = README.read_text().split("## Webhooks", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    namespace = {}
    exec(code, namespace)  # noqa: S102 - the README's own example
    return namespace["verify"]


def test_the_readme_example_verifies_a_delivery_and_refuses_a_forged_or_replayed_one(site_tree, endpoint, receiver):
    site_tree.about_uk.save_revision().publish()
    request = receiver.requests[0]
    verify = readme_verify()

    assert verify(endpoint.secret, request["headers"], request["body"])
    assert not verify(endpoint.secret, request["headers"], request["body"].replace(b"published", b"deleted"))
    assert not verify("whsec_" + "A" * 44, request["headers"], request["body"])
    old = int(time.time()) - 301
    replayed = {
        "webhook-id": request["headers"]["webhook-id"],
        "webhook-timestamp": str(old),
        "webhook-signature": signature(endpoint.secret, request["headers"]["webhook-id"], old, request["body"]),
    }
    assert not verify(endpoint.secret, replayed, request["body"])


def test_publishing_a_page_posts_a_signed_event_describing_it(site_tree, endpoint, receiver):
    page = site_tree.about_uk
    page.save_revision().publish()

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    body = request["body"]
    payload = receiver.payloads()[0]
    assert request["path"] == "/hooks"
    assert request["headers"]["Content-Type"] == "application/json"
    assert payload["event"] == "page.published"
    assert payload["page"] == {
        "id": page.pk,
        "type": "home.StandardPage",
        "locale": "uk",
        "title": "Про проєкт",
        "url": f"{settings.SITE_URL}/uk/about/",
        "api_url": f"{settings.SITE_URL}/api/v2/pages/{page.pk}/",
    }
    assert request["headers"]["webhook-id"] == payload["id"]
    timestamp = int(request["headers"]["webhook-timestamp"])
    assert abs(time.time() - timestamp) < 60
    assert request["headers"]["webhook-signature"] == signature(endpoint.secret, payload["id"], timestamp, body)
    delivery = WebhookDelivery.objects.get()
    assert str(delivery.delivery_id) == payload["id"]
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 204)
    assert delivery.delivered_at is not None
    assert (delivery.event, delivery.page_id, delivery.page_type) == ("published", page.pk, "home.StandardPage")


def test_unpublishing_a_page_sends_unpublished(site_tree, endpoint, receiver):
    page = Page.objects.get(pk=site_tree.about_en.pk)
    page.unpublish()

    [payload] = receiver.payloads()
    assert payload["event"] == "page.unpublished"
    assert payload["page"]["id"] == site_tree.about_en.pk
    assert payload["page"]["locale"] == "en"


def test_deleting_a_live_page_sends_deleted_once_for_it_and_each_descendant(site_tree, endpoint, receiver):
    child = StandardPageFactory(parent=site_tree.only_uk, title="Дочірня", slug="child")
    receiver.requests.clear()

    site_tree.only_uk.delete()

    payloads = receiver.payloads()
    assert sorted(payload["event"] for payload in payloads) == ["page.deleted", "page.deleted"]
    assert {payload["page"]["id"] for payload in payloads} == {site_tree.only_uk.pk, child.pk}
    assert all(payload["page"]["url"] is None for payload in payloads)
    assert {payload["page"]["type"] for payload in payloads} == {"home.StandardPage"}


def test_deleting_a_page_that_was_never_published_sends_nothing(site_tree, endpoint, receiver):
    draft = StandardPageFactory.build(title="Чернетка", slug="draft", live=False)
    site_tree.home_uk.add_child(instance=draft)

    draft.delete()

    assert receiver.requests == []


def test_an_endpoint_restricted_to_page_types_hears_only_of_those(site_tree, endpoint, receiver):
    endpoint.page_types.set([ContentType.objects.get_for_model(HomePage)])

    site_tree.about_uk.save_revision().publish()
    site_tree.home_uk.save_revision().publish()

    [payload] = receiver.payloads()
    assert payload["page"]["id"] == site_tree.home_uk.pk
    assert payload["page"]["type"] == "home.HomePage"


def test_an_endpoint_hears_only_the_events_it_asked_for(site_tree, endpoint, receiver):
    endpoint.events = [Event.UNPUBLISHED]
    endpoint.save()

    site_tree.about_uk.save_revision().publish()
    site_tree.about_uk.unpublish()

    assert [payload["event"] for payload in receiver.payloads()] == ["page.unpublished"]


def test_an_inactive_endpoint_gets_nothing(site_tree, endpoint, receiver):
    endpoint.active = False
    endpoint.save()

    site_tree.about_uk.save_revision().publish()
    site_tree.about_uk.unpublish()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_a_receiver_answering_500_leaves_the_delivery_undelivered_and_the_publish_done(site_tree, endpoint, receiver):
    receiver.status = 500

    site_tree.about_uk.save_revision().publish()

    site_tree.about_uk.refresh_from_db()
    assert site_tree.about_uk.live and not site_tree.about_uk.has_unpublished_changes
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed"  # in-process tasks have no retries
    assert (delivery.attempts, delivery.last_status_code, delivery.delivered_at) == (1, 500, None)
    assert delivery.last_error.startswith("HTTP 500")


def test_an_editor_unpublishes_in_the_admin_while_the_receiver_is_down(site_tree, endpoint, receiver, client):
    receiver.stop()
    client.force_login(User.objects.create_superuser("editor", password="x"))  # noqa: S106 - test account

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[site_tree.about_uk.pk]))

    assert response.status_code == 302
    site_tree.about_uk.refresh_from_db()
    assert not site_tree.about_uk.live
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 1 and delivery.last_status_code is None
    assert "ConnectionError" in delivery.last_error


def test_a_retry_once_the_receiver_is_back_delivers_once(site_tree, endpoint, receiver):
    receiver.stop()
    site_tree.about_uk.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and receiver.requests == []

    receiver.start()  # back, on the same address
    deliver_webhook.call(delivery.pk)  # the retry
    deliver_webhook.call(delivery.pk)  # a repeated message after it was delivered

    assert len(receiver.requests) == 1
    assert receiver.payloads()[0]["id"] == str(delivery.delivery_id)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("delivered", 2, "")


def test_with_the_worker_a_failing_delivery_is_retried_and_marked_failed_after_the_last_retry(
    site_tree, endpoint, receiver, settings
):
    settings.TASKS = {"default": {"BACKEND": "jobs.backend.CeleryBackend"}}  # the worker retries
    from jobs.tasks import run_django_task

    receiver.status = 503
    site_tree.about_uk.save_revision().publish()  # queued in the outbox, not sent yet
    delivery = WebhookDelivery.objects.get()
    assert delivery.attempts == 0 and receiver.requests == []

    for attempt in range(1, run_django_task.max_retries + 1):
        with pytest.raises(DeliveryFailed):
            deliver_webhook.call(delivery.pk)
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("pending", attempt)
    deliver_webhook.call(delivery.pk)  # the last attempt does not raise: there is no retry left

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", run_django_task.max_retries + 1)
    assert len(receiver.requests) == run_django_task.max_retries + 1
    assert len({request["headers"]["webhook-id"] for request in receiver.requests}) == 1


def test_an_editor_deleting_a_live_page_in_the_admin_sends_deleted_only(site_tree, endpoint, receiver, client):
    client.force_login(User.objects.create_superuser("editor", password="x"))  # noqa: S106 - test account

    response = client.post(reverse("wagtailadmin_pages:delete", args=[site_tree.only_uk.pk]))

    assert response.status_code == 302
    assert not Page.objects.filter(pk=site_tree.only_uk.pk).exists()
    [payload] = receiver.payloads()
    assert payload["event"] == "page.deleted"
    assert payload["page"]["id"] == site_tree.only_uk.pk and payload["page"]["title"] == "Лише українською"


def test_the_log_keeps_the_status_of_the_last_attempt_only(site_tree, endpoint, receiver):
    receiver.status = 500
    site_tree.about_uk.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_status_code == 500

    receiver.stop()
    deliver_webhook.call(delivery.pk)

    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code, delivery.status) == (2, None, "failed")


def test_switching_an_endpoint_off_stops_its_pending_retries(site_tree, endpoint, receiver):
    receiver.stop()
    site_tree.about_uk.save_revision().publish()
    delivery = WebhookDelivery.objects.get()
    endpoint.active = False
    endpoint.save()
    receiver.start()

    deliver_webhook.call(delivery.pk)  # a retry after the operator switched the endpoint off

    assert receiver.requests == []
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
