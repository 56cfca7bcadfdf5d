"""Page events become webhook deliveries: one per endpoint that asked for the event and the page type.

Wagtail says a page was published or unpublished with its ``page_published`` and
``page_unpublished`` signals. Deleting a page has no signal of its own: Django's ``post_delete``
fires once for each page row removed (a deleted page's descendants included). Before it, Wagtail
unpublishes a live page in memory (``pre_delete``, without saving) and sends ``page_unpublished``;
that one is left out here, so a deleted page sends ``deleted`` once and not also ``unpublished``.
Only pages that were published at some time send ``deleted``: a draft's title never left the site.

Each delivery is written in the transaction of the change and handed to the jobs layer
(``webhooks.tasks.deliver_webhook``, through the transactional outbox when a broker is configured):
the receiver hears of what was saved, and nothing it does can fail the editor's action.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from home.site_url import absolute_url, page_url

from .models import PING, Event, WebhookDelivery, WebhookEndpoint
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)


def page_type_label(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    model = content_type.model_class()
    return model._meta.label if model else f"{content_type.app_label}.{content_type.model}"


def page_description(page, event):
    """The ``page`` part of the payload; a deleted page has no public address any more."""
    return {
        "id": page.pk,
        "type": page_type_label(page),
        "locale": page.locale.language_code,
        "title": page.title,
        "url": None if event == Event.DELETED else page_url(page),
        "api_url": absolute_url(reverse("wagtailapi:pages:detail", args=[page.pk])),
    }


def payload(delivery_id, event_name, page=None):
    return {
        "id": str(delivery_id),
        "event": event_name,
        "occurred_at": timezone.now().isoformat(),
        "page": page,
    }


def queue(endpoint, event, event_name, page=None, page_type=""):
    delivery = WebhookDelivery(endpoint=endpoint, event=event, page_id=page and page["id"], page_type=page_type)
    delivery.payload = payload(delivery.delivery_id, event_name, page)
    delivery.save()
    deliver_webhook.enqueue(delivery.pk)
    return delivery


def dispatch(event, page):
    """Queue a delivery of ``event`` about ``page`` to every endpoint that wants it; returns them."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True).prefetch_related("page_types")
        if endpoint.wants(event, page.content_type_id)
    ]
    if not endpoints:
        return []
    description = page_description(page, event)
    return [queue(endpoint, event, f"page.{event}", description, description["type"]) for endpoint in endpoints]


def send_test(endpoint):
    """Queue a signed ``ping`` to ``endpoint``, whatever events it asked for."""
    return queue(endpoint, PING, PING)


def on_published(sender, instance, **kwargs):
    dispatch(Event.PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs):
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        return  # unpublished in memory only, on its way to deletion: ``on_deleted`` tells
    dispatch(Event.UNPUBLISHED, instance)


def on_deleted(sender, instance, **kwargs):
    if instance.first_published_at is not None:
        dispatch(Event.DELETED, instance)


def connect_signals():
    page_published.connect(on_published, dispatch_uid="webhooks-page-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks-page-unpublished")
    post_delete.connect(on_deleted, sender=Page, dispatch_uid="webhooks-page-deleted")
