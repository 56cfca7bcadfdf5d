import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.factories import CaseLibraryPageFactory, CasePageFactory, translate

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
