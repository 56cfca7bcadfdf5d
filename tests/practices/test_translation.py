import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from practices.models import CaseDocument
from tests.factories import CaseLibraryPageFactory, CasePageFactory, translate, translate_in_localize

pytestmark = pytest.mark.django_db


def test_translating_a_case_with_wagtail_localize_uses_the_categories_of_the_target_language(site_tree):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    case = CasePageFactory(parent=library, categories=["e-services/e-queue", "openness"])
    source, _created = TranslationSource.get_or_create_from_instance(case)

    translation, _created = source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)

    assert translation.translation_key == case.translation_key
    assert [item.category.path for item in translation.case_categories.all()] == ["e-services/e-queue", "openness"]
    assert {item.category.locale.language_code for item in translation.case_categories.all()} == {"en"}
    assert translation.region == case.region and translation.key == case.key


def test_a_translated_case_shows_the_titles_its_translator_gave_its_documents(client, site_tree):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    document = get_document_model().objects.create(title="Положення про ЦНАП", file=ContentFile(b"%", name="p.pdf"))
    case = CasePageFactory(parent=library)
    case.documents = [CaseDocument(document=document)]
    case.save_revision().publish()
    row = case.documents.get()

    translation = translate_in_localize(case, "en", strings={f"documents.{row.translation_key}.title": "TsNAP rules"})

    html = BeautifulSoup(client.get(translation.url).content, "html.parser")
    assert html.find("a", href=document.url).get_text() == "TsNAP rules"
    html = BeautifulSoup(client.get(case.url).content, "html.parser")
    assert html.find("a", href=document.url).get_text() == "Положення про ЦНАП"
