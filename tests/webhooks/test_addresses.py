"""Bad webhook addresses are refused in the admin form naming the field, and again before delivery."""

import pytest
import requests
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse

from webhooks.addresses import check_webhook_url
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

PUBLIC_IP = "93.184.215.14"  # an IP literal: no DNS is needed to tell it is public


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("operator", password="x"))  # noqa: S106 - test account
    return client


def submit(client, url):
    return client.post(
        reverse("webhooks:add"),
        {"name": "Partner", "url": url, "events": ["published", "deleted"], "active": "on"},
    )


def url_errors(response):
    assert response.status_code == 200, response.status_code  # the form again, never a 5xx
    assert not WebhookEndpoint.objects.exists()
    return response.context["form"].errors["url"]


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hooks",
        "https://10.1.2.3/hooks",
        "https://192.168.0.10/hooks",
        "https://[::1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://localhost:8443/hooks",
        "https://0.0.0.0/hooks",
        "https://224.0.0.1/hooks",
    ],
)
def test_an_address_on_the_sites_own_network_is_refused(admin_client, url):
    [error] = url_errors(submit(admin_client, url))
    with pytest.raises(ValidationError) as refused:
        check_webhook_url(url)
    assert error == refused.value.messages[0]  # the address check, not the URL's syntax, refused it


def test_private_addresses_are_named_in_the_error(admin_client):
    [error] = url_errors(submit(admin_client, "https://10.1.2.3/hooks"))
    assert "10.1.2.3" in error


def test_plain_http_is_refused_in_production(admin_client, settings):
    settings.DEBUG = False
    [error] = url_errors(submit(admin_client, f"http://{PUBLIC_IP}/hooks"))
    assert "https://" in error


def test_plain_http_to_a_public_host_is_refused_even_where_private_receivers_are_allowed(admin_client, settings):
    settings.DEBUG, settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False, True
    [error] = url_errors(submit(admin_client, f"http://{PUBLIC_IP}/hooks"))
    assert "https://" in error


def test_a_host_that_does_not_resolve_is_refused(admin_client):
    [error] = url_errors(submit(admin_client, "https://no-such-host.invalid/hooks"))
    assert "no-such-host.invalid" in error


@pytest.mark.parametrize("url", ["not a url", "ftp://example.org/hooks", "https://user:pw@example.org/hooks"])
def test_malformed_addresses_are_refused(admin_client, url):
    assert url_errors(submit(admin_client, url))


def test_a_public_https_address_is_saved_with_a_secret(admin_client):
    response = submit(admin_client, f"https://{PUBLIC_IP}/hooks")

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.url == f"https://{PUBLIC_IP}/hooks"
    assert endpoint.events == ["published", "deleted"]
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40


def test_a_loopback_receiver_is_accepted_where_the_setting_allows_it(admin_client, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True

    assert submit(admin_client, "http://127.0.0.1:9/hooks").status_code == 302


def test_an_address_that_became_private_is_not_delivered_to(site_tree, endpoint, receiver, settings):
    settings.DEBUG = True  # plain HTTP would be refused first in production
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False  # as if the saved host now resolved to loopback

    site_tree.about_uk.save_revision().publish()

    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and "127.0.0.1" in delivery.last_error


def test_each_connection_goes_only_to_an_address_checked_as_it_is_made(receiver, settings):
    """A name that resolved to a public address for the check and to loopback now is refused on connecting."""
    from webhooks.addresses import checked_session

    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False

    with pytest.raises(requests.ConnectionError, match="127.0.0.1"), checked_session() as session:
        session.post(receiver.url, data=b"{}", timeout=5)
    assert receiver.requests == []

    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    with checked_session() as session:
        assert session.post(receiver.url.replace("127.0.0.1", "localhost"), data=b"{}", timeout=5).status_code == 204
    assert receiver.requests[0]["headers"]["Host"] == f"localhost:{receiver.port}"
