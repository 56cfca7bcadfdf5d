from datetime import UTC, datetime

import pytest
from django.conf import settings
from icalendar import Calendar

from tests.events.conftest import kyiv
from tests.events.factories import EventPageFactory
from tests.factories import translate

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.events)


def test_an_event_file_keeps_the_kyiv_time_zone_and_the_right_instant(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        title="Вебінар",
        start=kyiv("2027-03-18 11:00"),
        end=kyiv("2027-03-18 12:30"),
        venue="Будинок учених",
        address="вул. Володимирська, 45а",
        city="Київ",
    )

    calendar = parse(client.get(f"/uk/events/{event.pk}.ics"))

    [vevent] = calendar.events
    assert vevent["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert vevent.DTSTART.astimezone(UTC) == datetime(2027, 3, 18, 9, 0, tzinfo=UTC)
    assert vevent.DTEND.astimezone(UTC) == datetime(2027, 3, 18, 10, 30, tzinfo=UTC)
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Kyiv"]
    assert str(vevent["SUMMARY"]) == "Вебінар"
    assert str(vevent["LOCATION"]) == "Будинок учених, вул. Володимирська, 45а, Київ"
    assert str(vevent["URL"]) == f"{settings.SITE_URL}/uk/events/{event.slug}/"
    assert str(vevent["UID"]) == f"{event.translation_key}@events.depository"
    assert "DTSTAMP" in vevent


def test_summer_time_gives_the_summer_offset(client, events_index):
    event = EventPageFactory(parent=events_index, start=kyiv("2013-10-17 09:30"), end=kyiv("2013-10-17 16:30"))

    [vevent] = parse(client.get(f"/uk/events/{event.pk}.ics")).events

    assert vevent.DTSTART.astimezone(UTC) == datetime(2013, 10, 17, 6, 30, tzinfo=UTC)


def test_every_translation_is_the_same_calendar_entry(client, events_index):
    event = EventPageFactory(parent=events_index, title="Конференція")
    english = translate(event, "en", title="Conference")

    [uk] = parse(client.get(f"/uk/events/{event.pk}.ics")).events
    [en] = parse(client.get(f"/en/events/{english.pk}.ics")).events

    assert uk["UID"] == en["UID"]
    assert (str(uk["SUMMARY"]), str(en["SUMMARY"])) == ("Конференція", "Conference")


def test_an_event_file_asked_for_in_another_language_redirects_to_its_own(client, events_index):
    event = EventPageFactory(parent=events_index)

    response = client.get(f"/en/events/{event.pk}.ics")

    assert response.status_code == 302
    assert response["Location"] == f"/uk/events/{event.pk}.ics"


def test_a_draft_event_has_no_calendar_file(client, events_index):
    event = EventPageFactory(parent=events_index)
    event.unpublish()

    assert client.get(f"/uk/events/{event.pk}.ics").status_code == 404


def test_the_feed_lists_the_live_events_of_its_language_only(client, events_index):
    first = EventPageFactory(parent=events_index, title="Перша зустріч", start=kyiv("2013-01-29 11:00"))
    EventPageFactory(parent=events_index, title="Друга зустріч")
    EventPageFactory(parent=events_index, title="Чернетка").unpublish()
    translate(first, "en", title="First meeting")

    uk = parse(client.get("/uk/events/calendar.ics"))
    en = parse(client.get("/en/events/calendar.ics"))

    assert summaries(uk) == ["Друга зустріч", "Перша зустріч"]
    assert summaries(en) == ["First meeting"]
    assert [timezone.tz_name for timezone in uk.timezones] == ["Europe/Kyiv"]


def test_the_feed_of_a_language_without_events_is_an_empty_calendar(client, events_index):
    calendar = parse(client.get("/en/events/calendar.ics"))

    assert calendar.events == []


def test_a_cancelled_event_is_marked_cancelled(client, events_index):
    event = EventPageFactory(parent=events_index, cancelled=True)

    [vevent] = parse(client.get(f"/uk/events/{event.pk}.ics")).events

    assert str(vevent["STATUS"]) == "CANCELLED"


def test_calendar_addresses_are_on_the_site_url_whatever_the_request_host(client, events_index, settings):
    settings.SITE_URL = "https://depository.example.org"
    event = EventPageFactory(parent=events_index)

    calendar = parse(client.get("/uk/events/calendar.ics", HTTP_HOST="127.0.0.1"))

    assert [str(vevent["URL"]) for vevent in calendar.events] == [
        f"https://depository.example.org/uk/events/{event.slug}/"
    ]
