import csv
import io
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EVENT_TIME_ZONE, EventPage
from tests.events.factories import EventPageFactory, RegistrationFactory, SpeakerFactory
from tests.factories import translate, user_with

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/events/registrations/"


@pytest.fixture
def registrations(open_event):
    return [
        RegistrationFactory(event=open_event, name="Ольга Коваль", email="olha@example.org"),
        RegistrationFactory(
            event=open_event, name='=HYPERLINK("http://evil")', email="eve@example.org", organisation="+380 44"
        ),
        RegistrationFactory(event=open_event, name="Петро", email="petro@example.org", status="waiting"),
    ]


@pytest.fixture
def organiser(client):
    client.force_login(user_with("access_admin", "view_registration", username="organiser"))
    return client


def export_url(event):
    return reverse("events_registrations_csv", args=[event.pk])


class TestWhoSeesRegistrations:
    def test_anonymous_visitors_are_sent_to_the_login(self, client, registrations, open_event):
        for url in (LIST_URL, export_url(open_event), f"{LIST_URL}inspect/{registrations[0].pk}/"):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url

    def test_an_editor_who_is_not_an_organiser_sees_nothing(self, client, registrations, open_event):
        client.force_login(user_with("access_admin", username="editor"))

        listing = client.get(LIST_URL)
        export = client.get(export_url(open_event))

        assert listing.status_code == 302 and listing["Location"] == "/admin/"
        assert export.status_code == 403
        assert b"olha@example.org" not in listing.content + export.content

    def test_a_user_without_admin_access_is_sent_to_the_login(self, client, registrations, open_event):
        client.force_login(user_with("view_registration", username="outsider"))

        for url in (LIST_URL, export_url(open_event)):
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url

    def test_organisers_see_the_list_and_the_details(self, organiser, registrations):
        listing = organiser.get(LIST_URL)
        details = organiser.get(f"{LIST_URL}inspect/{registrations[0].pk}/")

        assert listing.status_code == 200 and "olha@example.org" in listing.content.decode()
        assert details.status_code == 200 and "Ольга Коваль" in details.content.decode()

    def test_nobody_edits_registrations_in_the_admin(self, admin_client, registrations):
        listing = admin_client.get(LIST_URL).content.decode()

        assert admin_client.get(f"{LIST_URL}edit/{registrations[0].pk}/").status_code == 302
        assert admin_client.get(f"{LIST_URL}new/").status_code == 302
        assert f"{LIST_URL}edit/" not in listing


def test_organisers_filter_by_event_and_status(organiser, registrations, events_index):
    other = EventPageFactory(parent=events_index, registration_open=True)
    RegistrationFactory(event=other, email="other@example.org")

    by_event = organiser.get(LIST_URL, {"event": other.pk}).content.decode()
    waiting = organiser.get(LIST_URL, {"status": "waiting"}).content.decode()

    assert "other@example.org" in by_event and "olha@example.org" not in by_event
    assert "petro@example.org" in waiting and "olha@example.org" not in waiting


def test_the_csv_export_opens_in_excel_and_neutralises_formulas(organiser, registrations, open_event):
    response = organiser.get(export_url(open_event))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="registrations-{open_event.pk}.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + len(registrations)
    header, *lines = rows
    assert len(header) == 9
    assert lines[0][:3] == ["Ольга Коваль", "olha@example.org", "Вінницька міська рада"]
    assert lines[1][0] == '\'=HYPERLINK("http://evil")'
    assert lines[1][2] == "'+380 44"


def test_the_export_of_a_translation_lists_the_event_registrations(organiser, registrations, open_event):
    english = translate(open_event, "en", title="Webinar")

    rows = list(csv.reader(io.StringIO(organiser.get(export_url(english)).content.decode("utf-8-sig"))))

    assert len(rows) == 1 + len(registrations)


def test_speakers_are_snippets_listed_and_searchable(admin_client, site_tree):
    SpeakerFactory(name="Олена Приклад", organisation="НЦЕУ")
    SpeakerFactory(name="Андрій Зразок")

    response = admin_client.get(reverse("wagtailsnippets_events_speaker:list"), {"q": "Олена"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Олена Приклад" in html and "Андрій Зразок" not in html


def test_the_event_editor_links_to_its_registrations(admin_client, open_event):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[open_event.pk])).content.decode()

    assert export_url(open_event) in html
    assert f"{LIST_URL}?event={open_event.pk}" in html


def event_form(**fields):
    return nested_form_data(
        {
            "title": "Зустріч",
            "slug": "meeting",
            "intro": "",
            "kind": "meeting",
            "start": "2027-03-18 10:00",
            "end": "2027-03-18 12:00",
            "venue": "",
            "address": "",
            "city": "Київ",
            "online_url": "",
            "organiser": "",
            "body": streamfield([]),
            "sessions": streamfield([]),
            "recordings": streamfield([]),
            "materials": inline_formset([]),
            "capacity": "",
            "registration_closes_at": "",
            **fields,
        }
    )


def add_event_url(index):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


def test_the_editor_creates_an_event_in_kyiv_time(admin_client, events_index):
    response = admin_client.post(add_event_url(events_index), event_form())

    assert response.status_code == 302
    event = EventPage.objects.get(slug="meeting")
    assert event.start.astimezone(EVENT_TIME_ZONE).hour == 10


def test_the_editor_refuses_an_event_that_ends_before_it_starts_and_says_so_on_the_end(admin_client, events_index):
    response = admin_client.post(add_event_url(events_index), event_form(end="2027-03-18 09:00"))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["end"]
    assert not EventPage.objects.filter(slug="meeting").exists()


def test_the_editor_refuses_a_capacity_of_zero(admin_client, events_index):
    response = admin_client.post(add_event_url(events_index), event_form(capacity="0"))

    assert list(response.context["form"].errors) == ["capacity"]


def test_editors_preview_an_event_with_its_registration_form(admin_client, open_event):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[open_event.pk])
    form = event_form(title="Вебінар (чернетка)", slug=open_event.slug, registration_open="on", capacity="5")

    assert admin_client.post(url, form).json()["is_valid"]
    html = admin_client.get(url).content.decode()

    assert "Вебінар (чернетка)" in html and 'name="consent"' in html


def test_the_list_exports_the_registrations_it_shows(organiser, registrations, open_event):
    listing = organiser.get(LIST_URL, {"status": "confirmed"}).content.decode()
    link = re.search(r'href="([^"]*export=csv[^"]*)"', listing).group(1).replace("&amp;", "&")

    response = organiser.get(link)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["olha@example.org", "eve@example.org"]
    assert rows[2][0] == '\'=HYPERLINK("http://evil")'
    assert {row[-1] for row in rows[1:]} == {open_event.title}
