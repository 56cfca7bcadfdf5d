"""iCalendar files of events: one event, or every live event of a language as a feed to subscribe to.

Times keep the Europe/Kyiv time zone (``DTSTART;TZID=Europe/Kyiv`` with its VTIMEZONE), so calendar
programs show them right in any zone; the UID comes from the translation key, so every language's
copy of an event is the same calendar entry and stays so when the page is edited.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from home.site_url import page_url

from .models import EVENT_TIME_ZONE

PRODID = "-//E-Governance Cities of Ukraine//Depository of e-governance best practices//EN"


def event_uid(page):
    return f"{page.translation_key}@events.depository"


def vevent(page, request):
    event = Event()
    event.add("uid", event_uid(page))
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("dtstart", page.start.astimezone(EVENT_TIME_ZONE))
    event.add("dtend", page.end.astimezone(EVENT_TIME_ZONE))
    event.add("summary", page.title)
    description = "\n\n".join(part for part in (page.intro, page.online_url) if part)
    if description:
        event.add("description", description)
    if page.location_text:
        event.add("location", page.location_text)
    event.add("url", page_url(page, request))
    event.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar_file(pages, request, name):
    """The bytes of an iCalendar file holding ``pages``."""
    pages = list(pages)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in pages:
        calendar.add_component(vevent(page, request))
    if pages:
        calendar.add_missing_timezones(
            first_date=min(page.start for page in pages).date() - timedelta(days=1),
            last_date=max(page.end for page in pages).date() + timedelta(days=1),
        )
    return calendar.to_ical()
