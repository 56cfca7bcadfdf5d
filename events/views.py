"""Calendar files, the registrant's confirmation and cancellation pages and the organisers' CSV export."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from depository import ratelimits
from depository.csv_export import csv_lines

from .ical import calendar_file
from .models import EVENT_TIME_ZONE, EventPage, Registration


def calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request):
    """Every live public event in the language of the address, to subscribe to in a calendar program."""
    events = EventPage.objects.live().public().filter(locale=Locale.get_active()).order_by("start", "pk")
    name = gettext("Events: %(site)s") % {"site": gettext(settings.WAGTAIL_SITE_NAME)}
    return calendar_response(calendar_file(events, request, name), "events.ics")


def event_calendar(request, page_id):
    """One event as an iCalendar file, at the address of the event's own language."""
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    if page.locale.language_code != translation.get_language():
        with translation.override(page.locale.language_code):
            return redirect("events:event_calendar", page_id=page.pk)
    return calendar_response(calendar_file([page], request, page.title), f"event-{page.pk}.ics")


def personal_page(response):
    """The address of this page is the registrant's key: keep it out of caches, referrers and search engines.

    "same-origin" sends no Referer to any other site, while requests to this site keep their origin:
    under "no-referrer" browsers send "Origin: null" with the page's own POST, which the CSRF check
    must refuse.
    """
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


# Every request to a personal link counts towards the client's limit, found or not: no guessing tokens.
@require_http_methods(["GET", "POST"])
@ratelimits.limit_clients("registration_link")
def confirm_registration(request, token):
    """The link from the first e-mail: GET shows a button (mail scanners follow links), POST confirms the address."""
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    if request.method == "POST":
        registration.confirm()
    response = render(
        request,
        "events/confirm_registration.html",
        {
            "registration": registration,
            "event": registration.event.localized,
            "confirmed_now": request.method == "POST",
        },
    )
    return personal_page(response)


@require_http_methods(["GET", "POST"])
@ratelimits.limit_clients("registration_link")
def cancel_registration(request, token):
    """The link from the registrant's e-mail: GET asks to confirm, POST cancels."""
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    cancelled_now = False
    if request.method == "POST" and registration.status not in Registration.INACTIVE:
        registration.cancel()
        cancelled_now = True
    response = render(
        request,
        "events/cancel_registration.html",
        {"registration": registration, "event": registration.event.localized, "cancelled_now": cancelled_now},
    )
    return personal_page(response)


def local_time(value):
    return timezone.localtime(value, EVENT_TIME_ZONE).strftime("%Y-%m-%d %H:%M") if value else ""


def export_registrations(request, event_id):
    """An event's registrations as CSV for organisers."""
    if not request.user.has_perm("events.view_registration"):
        return HttpResponseForbidden(gettext("Only organisers can see registrations."))
    event = get_object_or_404(EventPage, pk=event_id).canonical_event
    return registrations_csv(event.registrations.order_by("created_at", "pk"), f"registrations-{event.pk}.csv")


def registrations_csv(registrations, filename):
    """``registrations`` as a CSV download (depository/csv_export.py).

    The one format of the organisers' downloads, from an event's editor and from the admin list.
    """
    header = [
        gettext("Name"),
        gettext("E-mail"),
        gettext("Organisation"),
        gettext("Comment"),
        gettext("Status"),
        gettext("Language"),
        gettext("Registered at (Kyiv time)"),
        gettext("Cancelled at (Kyiv time)"),
        gettext("Event"),
    ]
    rows = (
        [
            registration.name,
            registration.email,
            registration.organisation,
            registration.comment,
            registration.get_status_display(),
            registration.language,
            local_time(registration.created_at),
            local_time(registration.cancelled_at),
            registration.event.title,
        ]
        for registration in registrations.select_related("event")
    )
    response = HttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)
    return response
