import json
import re
import uuid
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.models import HomePage
from tests.events.conftest import kyiv
from tests.events.factories import EventPageFactory, RegistrationFactory, SpeakerFactory
from tests.factories import StandardPageFactory

SITE = settings.SITE_URL

pytestmark = pytest.mark.django_db


class JSONLDScripts(HTMLParser):
    """Collects the contents of ``<script type="application/ld+json">`` elements."""

    def __init__(self):
        super().__init__()
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts.append(data)


def json_ld(html):
    parser = JSONLDScripts()
    parser.feed(html)
    [script] = parser.scripts
    return json.loads(script)


def session(title, speakers=(), start="10:00:00", end="11:00:00"):
    return {
        "type": "session",
        "value": {
            "date": "2027-03-18",
            "start_time": start,
            "end_time": end,
            "room": "Зала 1",
            "title": title,
            "speakers": [{"type": "item", "value": speaker.pk, "id": str(uuid.uuid4())} for speaker in speakers],
            "description": "",
        },
    }


def test_the_page_describes_the_event_as_schema_org_json_ld(client, events_index):
    speaker = SpeakerFactory(name="Олена Приклад", organisation="НЦЕУ")
    event = EventPageFactory(
        parent=events_index,
        title="Конференція <Е-врядування>",
        start=kyiv("2027-03-18 10:00"),
        end=kyiv("2027-03-18 17:00"),
        venue="Будинок учених",
        address="вул. Володимирська, 45а",
        city="Київ",
        online_url="https://example.org/stream",
        sessions=[session("Відкриття", [speaker])],
    )

    data = json_ld(client.get(event.url).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Конференція <Е-врядування>"
    assert data["startDate"] == "2027-03-18T10:00:00+02:00"
    assert data["endDate"] == "2027-03-18T17:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, online = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Київ"
    assert online == {"@type": "VirtualLocation", "url": "https://example.org/stream"}
    assert data["performer"] == [
        {"@type": "Person", "name": "Олена Приклад", "affiliation": {"@type": "Organization", "name": "НЦЕУ"}}
    ]
    assert data["url"].endswith(event.url)


def test_the_event_image_is_in_the_description_and_the_sharing_card(client, events_index):
    image = get_image_model().objects.create(title="Зала", file=get_test_image_file(size=(1300, 800)))
    event = EventPageFactory(parent=events_index, image=image)

    html = client.get(event.url).content.decode()

    assert json_ld(html)["image"].startswith(f"{SITE}/")
    assert '<meta property="og:image"' in html


def test_an_online_event_has_a_virtual_location_only(client, events_index):
    event = EventPageFactory(parent=events_index, online_url="https://example.org/webinar")

    data = json_ld(client.get(event.url).content.decode())

    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webinar"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_times_are_shown_in_kyiv_time(client, events_index):
    event = EventPageFactory(parent=events_index, start=kyiv("2027-07-01 10:00"), end=kyiv("2027-07-01 12:30"))

    html = client.get(event.url).content.decode()

    assert '<time datetime="2027-07-01T10:00:00+03:00">' in html
    assert re.search(r"10:00</time>\s*–\s*<time[^>]*>12:30</time>", html)


def test_the_map_link_searches_openstreetmap_for_the_address(client, events_index):
    event = EventPageFactory(parent=events_index, address="вул. Соборна, 59", city="Вінниця")

    html = client.get(event.url).content.decode()

    assert "https://www.openstreetmap.org/search?query=%D0%B2%D1%83%D0%BB." in html
    assert event.map_url.endswith("%2C+%D0%92%D1%96%D0%BD%D0%BD%D0%B8%D1%86%D1%8F")


def test_the_programme_lists_sessions_in_time_order_with_their_speakers(client, events_index):
    speaker = SpeakerFactory(name="Андрій Зразок")
    event = EventPageFactory(
        parent=events_index,
        sessions=[session("Дискусія", [speaker], "14:00:00", "15:00:00"), session("Відкриття", [], "10:00:00", "")],
    )

    html = client.get(event.url).content.decode()

    assert html.index("Відкриття") < html.index("Дискусія")
    assert "Андрій Зразок" in html


def test_an_event_that_ends_before_it_starts_is_a_validation_error_on_the_end(events_index):
    event = EventPageFactory.build(start=kyiv("2027-03-18 12:00"), end=kyiv("2027-03-18 11:00"))

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert list(error.value.message_dict) == ["end"]


def test_a_session_that_ends_before_it_starts_is_a_validation_error(events_index):
    block = EventPageFactory.build().sessions.stream_block.child_blocks["session"]
    value = block.to_python(session("Відкриття", [], "11:00:00", "10:00:00")["value"])

    with pytest.raises(ValidationError):
        block.clean(value)


def test_the_api_shows_the_event_and_its_speakers_but_never_registrations(client, events_index):
    speaker = SpeakerFactory(name="Марія Демо")
    event = EventPageFactory(parent=events_index, city="Київ", sessions=[session("Відкриття", [speaker])])
    RegistrationFactory(event=event, email="secret@example.org", name="Таємна Особа")

    detail = client.get(f"/api/v2/pages/{event.pk}/").json()
    listing = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"}).content.decode()

    assert detail["kind"] == "conference" and detail["city"] == "Київ"
    assert detail["start"] == event.start.astimezone(kyiv("2027-01-01 00:00").tzinfo).isoformat()
    [block] = detail["sessions"]
    assert block["value"]["speakers"] == [
        {"id": speaker.pk, "name": "Марія Демо", "organisation": speaker.organisation}
    ]
    for text in (json.dumps(detail, ensure_ascii=False), listing):
        assert "secret@example.org" not in text and "Таємна Особа" not in text
    response = client.get(f"/api/v2/pages/{event.pk}/", {"fields": "registrations"})
    assert response.status_code == 400


def test_the_registration_form_links_its_consent_to_the_privacy_notice(client, site_tree, open_event):
    privacy = StandardPageFactory(parent=site_tree.home_uk, title="Приватність", slug="privacy")
    home = HomePage.objects.get(pk=site_tree.home_uk.pk)
    home.privacy_page = privacy
    home.save_revision().publish()

    form = BeautifulSoup(client.get(open_event.url).content, "html.parser").select_one("form.registration-form")

    assert form.select_one("a[href='/uk/privacy/']")
