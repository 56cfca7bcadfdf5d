from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def days(number):
    return timezone.now() + timedelta(days=number)


def event(index, title, start_in_days, kind="conference"):
    start = days(start_in_days)
    return EventPageFactory(parent=index, title=title, kind=kind, start=start, end=start + timedelta(hours=3))


def titles(items):
    return [page.title for page in items]


def test_upcoming_events_come_first_soonest_first_then_past_ones_newest_first(client, events_index):
    event(events_index, "Давня", -300)
    event(events_index, "Нещодавня", -3)
    event(events_index, "Далека", 60)
    event(events_index, "Близька", 5)

    response = client.get(events_index.url)

    assert titles(response.context["upcoming"]) == ["Близька", "Далека"]
    assert titles(response.context["past"]) == ["Нещодавня", "Давня"]
    html = response.content.decode()
    assert html.index("Близька") < html.index("Далека") < html.index("Нещодавня") < html.index("Давня")


def test_the_kind_filter_works_with_plain_links(client, events_index):
    event(events_index, "Вебінар", 5, kind="webinar")
    event(events_index, "Зустріч", 6, kind="meeting")

    html = client.get(events_index.url).content.decode()
    response = client.get(events_index.url, {"kind": "webinar"})

    assert 'href="?kind=webinar"' in html
    assert titles(response.context["upcoming"]) == ["Вебінар"]
    assert 'href="?kind=webinar" aria-current="true"' in response.content.decode()


def test_an_unknown_kind_shows_a_note_and_every_event(client, events_index):
    event(events_index, "Вебінар", 5, kind="webinar")
    event(events_index, "Зустріч", 6, kind="meeting")

    response = client.get(events_index.url, {"kind": "<script>party</script>"})

    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("uk"):
        note = gettext("There is no kind of event called “%(kind)s”, so all events are shown.")
    assert note % {"kind": "&lt;script&gt;party&lt;/script&gt;"} in html
    assert "<script>party" not in html
    assert titles(response.context["upcoming"]) == ["Вебінар", "Зустріч"]


def test_past_events_are_paginated_keeping_the_kind(client, events_index):
    for number in range(13):
        event(events_index, f"Зустріч {number:02}", -1 - number, kind="meeting")

    first = client.get(events_index.url, {"kind": "meeting"})
    second = client.get(events_index.url, {"kind": "meeting", "page": 2})

    assert len(first.context["past"]) == 12
    assert 'href="?kind=meeting&amp;page=2"' in first.content.decode()
    assert titles(second.context["past"]) == ["Зустріч 12"]


def test_the_index_links_to_the_calendar_feed(client, events_index):
    html = client.get(events_index.url).content.decode()

    assert 'href="/uk/events/calendar.ics"' in html


def test_drafts_are_not_listed(client, events_index):
    event(events_index, "Чернетка", 5).unpublish()

    assert titles(client.get(events_index.url).context["upcoming"]) == []
