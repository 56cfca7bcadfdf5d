import pytest
from django.core.management import call_command
from wagtail.models import Revision

from events.models import EventIndexPage, EventPage, Speaker

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))


def events_by_language():
    return {
        code: sorted((page.slug, str(page.translation_key), page.start) for page in pages)
        for code in ("uk", "en")
        for pages in [EventPage.objects.live().filter(locale__language_code=code)]
    }


def test_demo_has_the_meetings_the_conference_and_an_upcoming_webinar_in_both_languages(client):
    load_demo()

    events = events_by_language()
    assert events["uk"] == events["en"]  # the same events, as translations of each other
    assert [slug for slug, _key, _start in events["uk"]] == [
        "conference-2013",
        "coordination-meeting-1",
        "coordination-meeting-2",
        "coordination-meeting-3",
        "webinar-describing-a-case",
    ]
    assert EventIndexPage.objects.live().count() == 2
    assert all(page.is_demo for page in EventPage.objects.all())
    conference = EventPage.objects.get(slug="conference-2013", locale__language_code="en")
    assert conference.title == "E-governance in Ukraine: the road to openness"
    assert len(conference.sessions) >= 5 and len(conference.speakers) == 3
    assert all(speaker.locale.language_code == "en" for speaker in conference.speakers)


def test_demo_loaded_twice_creates_nothing_new(client):
    load_demo()
    before = events_by_language(), Speaker.objects.count(), Revision.objects.count()

    load_demo()

    assert (events_by_language(), Speaker.objects.count(), Revision.objects.count()) == before


def test_the_demo_webinar_shows_the_registration_form_and_the_past_conference_does_not(client):
    load_demo()

    webinar = client.get("/uk/events/webinar-describing-a-case/").content.decode()
    conference = client.get("/en/events/conference-2013/").content.decode()

    assert 'name="consent"' in webinar
    assert 'name="consent"' not in conference
    assert "Olena Pryklad (demo)" in conference


def test_the_home_page_announces_upcoming_events(client):
    load_demo()

    html = client.get("/en/").content.decode()

    assert "Webinar: how to describe a best-practice case (demo)" in html
    assert 'href="/en/events/"' in html
