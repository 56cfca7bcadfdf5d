import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from events.models import EventMaterial
from tests.events.conftest import kyiv
from tests.events.factories import EventPageFactory, SpeakerFactory
from tests.factories import translate_in_localize

pytestmark = pytest.mark.django_db


def test_translating_an_event_keeps_its_times_and_uses_the_speakers_of_the_target_language(events_index):
    speaker = SpeakerFactory(name="Олена Приклад")
    english_speaker = speaker.copy_for_translation(Locale.objects.get(language_code="en"))
    english_speaker.name = "Olena Pryklad"
    english_speaker.save()
    session = {
        "date": "2027-03-18",
        "start_time": "10:00:00",
        "end_time": "11:00:00",
        "room": "Зала",
        "title": "Відкриття",
        "speakers": [{"type": "item", "value": speaker.pk, "id": str(uuid.uuid4())}],
        "description": "",
    }
    event = EventPageFactory(
        parent=events_index,
        start=kyiv("2027-03-18 10:00"),
        end=kyiv("2027-03-18 12:00"),
        capacity=40,
        registration_open=True,
        sessions=[{"type": "session", "value": session, "id": str(uuid.uuid4())}],
    )
    source, _created = TranslationSource.get_or_create_from_instance(event)

    translation, _created = source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)

    assert translation.translation_key == event.translation_key
    assert (translation.start, translation.end) == (event.start, event.end)
    assert (translation.capacity, translation.registration_open) == (40, True)
    assert [speaker.name for speaker in translation.speakers] == ["Olena Pryklad"]
    assert translation.canonical_event == event


def test_an_english_event_lists_its_materials_under_english_titles(client, events_index):
    document = get_document_model().objects.create(title="Резолюція конференції", file=ContentFile(b"%", name="r.pdf"))
    event = EventPageFactory(parent=events_index, materials=[EventMaterial(document=document)])
    material = event.materials.get()

    translation = translate_in_localize(
        event,
        "en",
        strings={"title": "Conference"},
        overrides={f"materials.{material.translation_key}.document": document.pk},
    )
    english_material = translation.materials.get()
    english_material.title = "Resolution of the conference"
    english_material.save()

    html = BeautifulSoup(client.get(translation.url).content, "html.parser")
    assert [link.get_text() for link in html.select("#materials-title + ul a")] == ["Resolution of the conference"]
    html = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert [link.get_text() for link in html.select("#materials-title + ul a")] == ["Резолюція конференції"]
