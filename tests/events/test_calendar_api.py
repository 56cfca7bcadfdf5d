"""The events' calendar at its stable API address, in the language asked for."""

import pytest
from icalendar import Calendar

from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(site_tree):
    events = EventIndexPageFactory(parent=site_tree.home_uk)
    return EventPageFactory(parent=events, title="Вебінар про відкриті дані", slug="webinar")


def test_the_calendar_lists_the_events_of_the_language(client, event):
    response = client.get("/api/v2/events/calendar.ics", {"locale": "uk"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [str(component["summary"]) for component in calendar.walk("VEVENT")] == ["Вебінар про відкриті дані"]
    assert (
        client.get("/api/v2/events/calendar.ics", {"locale": "uk"}).content
        == client.get("/uk/events/calendar.ics").content
    )


def test_a_calendar_program_that_accepts_anything_gets_the_calendar(client, event):
    response = client.get("/api/v2/events/calendar.ics", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


@pytest.mark.parametrize(("query", "field"), [({"locale": "fr"}, "locale"), ({"kind": "webinar"}, "kind")])
def test_a_bad_parameter_answers_400_naming_it(client, event, query, field):
    response = client.get("/api/v2/events/calendar.ics", query)

    assert response.status_code == 400
    assert response.json()["field"] == field
