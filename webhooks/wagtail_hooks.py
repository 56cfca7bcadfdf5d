"""Admin wiring of webhooks: endpoints under Settings, their delivery log and a "Send test" action.

Endpoints follow the model permissions (add, change, delete, view; superusers have them all). The
delivery log is read-only for everyone: users with ``webhooks.view_webhookdelivery`` see it, and
nobody edits a record of what was sent. Sending a test needs the right to change the endpoint.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import EditView, IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import MenuItem

from depository.permissions import ViewOnlyModelViewSet

from .dispatch import send_test
from .models import WebhookDelivery, WebhookEndpoint

SEND_TEST_URL_NAME = "webhooks:send_test"
DELIVERIES_URL_NAME = "webhook_deliveries:index"


def deliveries_url(endpoint):
    return reverse(DELIVERIES_URL_NAME) + f"?endpoint={endpoint.pk}"


def send_test_url(endpoint):
    return reverse(SEND_TEST_URL_NAME, args=[endpoint.pk])


def endpoint_buttons(endpoint, user, button_class):
    """The delivery log and "Send test", for those who may see and use them."""
    buttons = []
    if user.has_perm("webhooks.view_webhookdelivery"):
        buttons.append(button_class(_("Delivery log"), url=deliveries_url(endpoint), icon_name="list-ul", priority=40))
    if user.has_perm("webhooks.change_webhookendpoint"):
        buttons.append(button_class(_("Send test"), url=send_test_url(endpoint), icon_name="mail", priority=41))
    return buttons


class EndpointIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return super().get_list_more_buttons(instance) + endpoint_buttons(instance, self.request.user, MenuItem)


class EndpointEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return super().header_more_buttons + endpoint_buttons(self.object, self.request.user, Button)


class DeliveryIndexView(IndexView):
    default_ordering = "-created_at"


class SendTestView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A confirmation page; its POST queues a signed ``ping`` to the endpoint."""

    model = WebhookEndpoint
    permission_required = "change"
    template_name = "webhooks/send_test.html"
    page_title = _("Send a test event")
    header_icon = "mail"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(WebhookEndpoint, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, index_url=reverse("webhooks:index"), **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied
        send_test(self.object)
        messages.success(
            request, gettext("A test event was queued for “%(endpoint)s”.") % {"endpoint": self.object.name}
        )
        if request.user.has_perm("webhooks.view_webhookdelivery"):
            return redirect(deliveries_url(self.object))
        return redirect("webhooks:index")


class SecretPanel(FieldPanel):
    """The signing secret, read-only and once the endpoint exists (the secret is made when it is saved)."""

    def __init__(self, field_name="secret", **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return self.instance.pk is not None and super().is_shown()


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhooks"
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    index_view_class = EndpointIndexView
    edit_view_class = EndpointEditView
    copy_view_enabled = False  # a copy would have to get a secret of its own: add a new endpoint instead
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        FieldPanel("page_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
        SecretPanel(),
    ]

    @property
    def send_test_view(self):
        return self.construct_view(SendTestView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("send-test/<int:pk>/", self.send_test_view, name="send_test")]


class WebhookDeliveryViewSet(ViewOnlyModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    url_prefix = "webhooks/deliveries"
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    list_display = [
        "created_at",
        "endpoint",
        "event",
        "page_type",
        "page_id",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
    ]
    list_filter = ["endpoint", "status", "event"]
    index_view_class = DeliveryIndexView
    inspect_view_fields = [
        "delivery_id",
        "endpoint",
        "event",
        "page_id",
        "page_type",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "delivered_at",
        "payload",
    ]


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [WebhookEndpointViewSet(), WebhookDeliveryViewSet()]
