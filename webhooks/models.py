"""Webhook endpoints that operators register, and the log of every delivery made to them."""

import base64
import secrets
import uuid

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .addresses import check_webhook_url
from .signing import SECRET_PREFIX


class Event(models.TextChoices):
    """What happened to a page; the payload names it ``page.<value>``."""

    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    DELETED = "deleted", _("Deleted")


PING = "ping"  # the test delivery sent from the admin, to every endpoint whatever its events


def generate_secret():
    """A signing secret in the Standard Webhooks form: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def page_content_types():
    from wagtail.models import get_page_models

    return Q(pk__in=[ContentType.objects.get_for_model(model).pk for model in get_page_models()])


class EventsField(models.JSONField):
    """A list of event names, edited as check boxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Event.choices,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[check_webhook_url],
        help_text=_("The address events are POSTed to, over HTTPS."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=generate_secret,
        editable=False,
        help_text=_("The receiver verifies each request's signature with this secret."),
    )
    events = EventsField(_("events"), default=list, help_text=_("The page events to send."))
    page_types = models.ManyToManyField(
        ContentType,
        verbose_name=_("page types"),
        blank=True,
        limit_choices_to=page_content_types,
        related_name="+",
        help_text=_("Send events of these page types only; none chosen means every page type."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def wants(self, event, content_type_id):
        """Whether this endpoint asked for ``event`` on pages of this content type."""
        if not self.active or event not in self.events:
            return False
        page_type_ids = {content_type.pk for content_type in self.page_types.all()}
        return not page_type_ids or content_type_id in page_type_ids


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("endpoint"), on_delete=models.CASCADE, related_name="deliveries"
    )
    delivery_id = models.UUIDField(_("delivery ID"), default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("event"), max_length=20)
    page_id = models.PositiveIntegerField(_("page ID"), null=True, blank=True)
    page_type = models.CharField(_("page type"), max_length=100, blank=True)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["endpoint", "-created_at"])]

    def __str__(self):
        return f"{self.event} {self.delivery_id}"
