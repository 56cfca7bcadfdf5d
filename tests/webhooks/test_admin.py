"""The admin's webhooks: endpoints under Settings, the read-only delivery log and "Send test"."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.factories import user_with
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.signing import signature

pytestmark = pytest.mark.django_db

ENDPOINTS_URL = "/admin/webhooks/"
DELIVERIES_URL = "/admin/webhooks/deliveries/"


@pytest.fixture
def operator(client):
    """Someone allowed to manage webhooks without being a superuser."""
    client.force_login(
        user_with(
            "access_admin",
            "add_webhookendpoint",
            "change_webhookendpoint",
            "view_webhookendpoint",
            "view_webhookdelivery",
            username="operator",
        )
    )
    return client


def send_test_url(endpoint):
    return reverse("webhooks:send_test", args=[endpoint.pk])


def is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


def is_refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


class TestWhoSeesWebhooks:
    def test_anonymous_visitors_are_sent_to_the_login(self, client, endpoint):
        for url in (ENDPOINTS_URL, f"{ENDPOINTS_URL}edit/{endpoint.pk}/", DELIVERIES_URL, send_test_url(endpoint)):
            assert is_login_redirect(client.get(url)), url
        assert is_login_redirect(client.post(send_test_url(endpoint)))
        assert not WebhookDelivery.objects.exists()

    def test_an_editor_without_the_permissions_is_refused_and_sees_no_menu_item(self, client, endpoint):
        client.force_login(user_with("access_admin", username="editor"))

        for url in (ENDPOINTS_URL, f"{ENDPOINTS_URL}edit/{endpoint.pk}/", DELIVERIES_URL, send_test_url(endpoint)):
            assert is_refused(client.get(url)), url
        assert is_refused(client.post(send_test_url(endpoint)))
        assert not WebhookDelivery.objects.exists()
        assert ENDPOINTS_URL not in client.get("/admin/").content.decode()

    def test_a_viewer_of_endpoints_cannot_send_a_test(self, client, endpoint):
        client.force_login(user_with("access_admin", "view_webhookendpoint", username="viewer"))

        assert client.get(ENDPOINTS_URL).status_code == 200
        assert is_refused(client.post(send_test_url(endpoint)))
        assert not WebhookDelivery.objects.exists()

    def test_the_settings_menu_has_webhooks_for_those_allowed(self, operator):
        assert ENDPOINTS_URL in operator.get("/admin/").content.decode()


class TestEndpoints:
    def test_the_secret_is_shown_on_the_edit_page_and_cannot_be_changed_there(self, operator, endpoint, receiver):
        edit_url = f"{ENDPOINTS_URL}edit/{endpoint.pk}/"
        assert endpoint.secret in operator.get(edit_url).content.decode()

        response = operator.post(
            edit_url,
            {"name": "Renamed", "url": endpoint.url, "events": ["published"], "secret": "whsec_chosen", "active": ""},
        )

        assert response.status_code == 302
        saved = WebhookEndpoint.objects.get()
        assert (saved.name, saved.events, saved.active, saved.secret) == (
            "Renamed",
            ["published"],
            False,
            endpoint.secret,
        )

    def test_an_endpoint_can_be_restricted_to_page_types(self, operator, receiver):
        from django.contrib.contenttypes.models import ContentType

        from home.models import StandardPage

        standard = ContentType.objects.get_for_model(StandardPage)
        response = operator.post(
            reverse("webhooks:add"),
            {
                "name": "Pages",
                "url": receiver.url,
                "events": ["published"],
                "page_types": [standard.pk],
                "active": "on",
            },
        )

        assert response.status_code == 302
        assert list(WebhookEndpoint.objects.get().page_types.all()) == [standard]

    def test_the_page_type_choices_are_page_types_only(self, operator):
        form = operator.get(reverse("webhooks:add")).context["form"]
        labels = {content_type.model_class()._meta.label for content_type in form.fields["page_types"].queryset}
        assert "home.StandardPage" in labels and "practices.CasePage" in labels
        assert "auth.User" not in labels and "webhooks.WebhookEndpoint" not in labels


class TestSendTest:
    def test_the_confirmation_page_posts_with_a_csrf_token(self, operator, endpoint):
        page = operator.get(send_test_url(endpoint)).content.decode()
        assert re.search(rf'<form action="{send_test_url(endpoint)}" method="POST">', page)
        assert "csrfmiddlewaretoken" in page

    def test_sending_a_test_queues_a_signed_ping_and_says_so(self, operator, endpoint, receiver):
        response = operator.post(send_test_url(endpoint), follow=True)

        assert response.redirect_chain[-1][0] == f"{DELIVERIES_URL}?endpoint={endpoint.pk}"
        assert [str(message) for message in response.context["messages"]]
        [request] = receiver.requests
        [payload] = receiver.payloads()
        assert (payload["event"], payload["page"]) == ("ping", None)
        headers = request["headers"]
        assert headers["webhook-signature"] == signature(
            endpoint.secret, payload["id"], headers["webhook-timestamp"], request["body"]
        )
        delivery = WebhookDelivery.objects.get()
        assert (delivery.event, delivery.status) == ("ping", "delivered")
        assert str(delivery.delivery_id) in response.content.decode() or "ping" in response.content.decode()

    def test_a_csrf_less_post_is_refused(self, endpoint, receiver):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(User.objects.create_superuser("admin", password="x"))  # noqa: S106 - test account

        assert client.post(send_test_url(endpoint)).status_code == 403
        assert receiver.requests == []


class TestDeliveryLog:
    def test_the_log_of_an_endpoint_lists_its_deliveries_newest_first(self, operator, endpoint, receiver):
        other = WebhookEndpoint.objects.create(name="Other", url=receiver.url, events=["published"])
        receiver.status = 500
        operator.post(send_test_url(endpoint))
        receiver.status = 204
        operator.post(send_test_url(endpoint))
        operator.post(send_test_url(other))

        response = operator.get(DELIVERIES_URL, {"endpoint": endpoint.pk})

        assert response.status_code == 200
        listed = list(response.context["object_list"])
        assert [delivery.endpoint for delivery in listed] == [endpoint, endpoint]
        assert [delivery.status for delivery in listed] == ["delivered", "failed"]
        page = response.content.decode()
        assert "HTTP 500" in page

    def test_nobody_edits_or_deletes_a_delivery(self, client, endpoint, receiver):
        client.force_login(User.objects.create_superuser("admin", password="x"))  # noqa: S106 - test account
        client.post(send_test_url(endpoint))
        delivery = WebhookDelivery.objects.get()

        assert client.get(f"{DELIVERIES_URL}inspect/{delivery.pk}/").status_code == 200
        for url in (f"{DELIVERIES_URL}edit/{delivery.pk}/", f"{DELIVERIES_URL}delete/{delivery.pk}/"):
            assert is_refused(client.get(url)), url
            assert is_refused(client.post(url, {"status": "pending"})), url
        assert is_refused(client.get(f"{DELIVERIES_URL}new/"))
        delivery.refresh_from_db()
        assert delivery.status == "delivered"
