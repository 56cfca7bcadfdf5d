"""Admin wiring of events: speakers and registrations under one "Events" menu, and the CSV export.

Registrations are personal data: only users with the ``events.view_registration`` permission
(organisers, and superusers) see them, and nobody edits them in the admin, where a changed status
would skip the capacity and waiting-list rules.
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters import ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from depository.hooks import HOME_SECTIONS, LOAD_DEMO
from depository.permissions import ViewOnlyModelViewSet

from .demo import load_demo_events
from .models import EventIndexPage, EventPage, Registration, Speaker
from .views import export_registrations, registrations_csv

CSV_EXPORT_URL_NAME = "events_registrations_csv"


def events_with_registrations(request=None):
    return EventPage.objects.filter(registrations__isnull=False).distinct().order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = ModelChoiceFilter(label=_("Event"), queryset=events_with_registrations)

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(IndexView):
    # The list's own export (``?export=csv``) gives the registrations it shows, filtered and searched,
    # in the organisers' one CSV format; Wagtail's would need ``list_export`` and has no formula guard.
    FORMATS = (IndexView.FORMAT_CSV,)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return registrations_csv(queryset, "registrations.csv")

    @cached_property
    def header_more_buttons(self):
        """A CSV download of the list as shown, and one for each of the latest events with registrations."""
        buttons = super().header_more_buttons
        buttons.append(
            Button(gettext("Download this list (CSV)"), url=self.get_export_url("csv"), icon_name="download")
        )
        for event in events_with_registrations()[:10]:
            buttons.append(
                Button(
                    gettext("Download CSV: %(event)s") % {"event": event.title},
                    url=reverse(CSV_EXPORT_URL_NAME, args=[event.pk]),
                    icon_name="download",
                )
            )
        return buttons


class RegistrationViewSet(ViewOnlyModelViewSet):
    model = Registration
    name = "event_registrations"
    url_prefix = "events/registrations"
    icon = "form"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "comment",
        "status",
        "language",
        "consented_at",
        "created_at",
        "cancelled_at",
    ]


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    list_display = ["name", "organisation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "organisation"]


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 210
    items = (SpeakerViewSet, RegistrationViewSet)


register_snippet(EventsViewSetGroup)


@hooks.register("register_admin_urls")
def registration_export_urls():
    return [
        path("events/registrations/<int:event_id>/export.csv", export_registrations, name=CSV_EXPORT_URL_NAME),
    ]


@hooks.register("register_page_header_buttons")
def event_registration_buttons(page, user, view_name, next_url=None):
    """Links from an event's editor to its registrations, for those who may see them."""
    if page.specific_class is not EventPage or not user.has_perm("events.view_registration"):
        return
    event = page.specific.canonical_event
    yield Button(
        _("Registrations"),
        url=reverse("event_registrations:index") + f"?event={event.pk}",
        icon_name="form",
        priority=80,
    )
    yield Button(
        _("Download registrations (CSV)"),
        url=reverse(CSV_EXPORT_URL_NAME, args=[event.pk]),
        icon_name="download",
        priority=81,
    )


@hooks.register(HOME_SECTIONS)
def upcoming_events(request, home_page):
    events = list(
        EventPage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id, end__gte=timezone.now())
        .order_by("start", "pk")[:3]
    )
    if not events:
        return None
    index = EventIndexPage.objects.live().filter(locale_id=home_page.locale_id).first()
    return "events/includes/home_events.html", {"events": events, "index": index}


hooks.register(LOAD_DEMO, load_demo_events)
