"""An accepted entry becomes a draft library case in moderation, translated like any case, once."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import TranslationSource

from contest.conversion import entry_to_case
from contest.models import EntryFile
from contest.results import release_due_results
from practices.models import CasePage
from tests.contest.conftest_results import MOMENTS
from tests.factories import CaseLibraryPageFactory, category, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(site_tree):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    return library


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("organiser", "organiser@example.org", "x-unused-password-9")


def accepted(entry):
    entry.year = 2012
    entry.problem = "Черги."
    entry.indicators = [{"label": "Час очікування", "value": "12 хв"}]
    entry.links = [{"title": "Сайт", "url": "https://example.org/queue"}]
    entry.save()
    entry.categories.set([category("e-services/e-queue")])
    EntryFile.objects.create(
        entry=entry,
        kind="document",
        file=ContentFile(b"%PDF-1.4 demo", name="plan.pdf"),
        name="plan.pdf",
        content_type="application/pdf",
        size=13,
    )
    return entry


def test_an_entry_becomes_a_draft_case_in_moderation_with_its_nomination_files_and_rows(
    results_contest, library, editor
):
    entry = accepted(results_contest.winner)

    case = entry_to_case(entry, user=editor)

    case = CasePage.objects.get(pk=case.pk)
    assert not case.live and case.get_parent().pk == library.pk
    assert (case.title, case.intro, case.problem, case.year) == ("Електронна черга", "Опис.", "Черги.", 2012)
    assert case.region.code == "UA-05" and case.level == "city" and case.nomination == "e-services"
    assert case.award == ""  # decided, not released: nothing shows before the release
    assert [item.category.path for item in case.case_categories.all()] == ["e-services/e-queue"]
    assert [(item.label, item.value) for item in case.indicators.all()] == [("Час очікування", "12 хв")]
    assert [item.url for item in case.links.all()] == ["https://example.org/queue"]
    assert [item.document.title for item in case.documents.all()] == ["plan.pdf"]
    assert WorkflowState.objects.filter(base_content_type__isnull=False, object_id=str(case.pk)).exists()
    entry.refresh_from_db()
    assert entry.case_id == case.pk


def test_after_the_release_the_case_carries_the_award(results_contest, library, editor):
    with time_machine.travel(MOMENTS["results"], tick=False):
        release_due_results()
        case = entry_to_case(accepted(results_contest.winner), user=editor)

    assert case.award == "winner"


def test_converting_again_gives_the_same_case(results_contest, library, editor):
    first = entry_to_case(accepted(results_contest.winner), user=editor)

    assert entry_to_case(results_contest.winner, user=editor).pk == first.pk
    assert CasePage.objects.count() == 1


def test_an_english_entry_becomes_a_ukrainian_case_translated_with_wagtail_localize(results_contest, library, editor):
    case = entry_to_case(accepted(results_contest.finalist), user=editor)
    case.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(case)

    translation, _created = source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)

    assert case.locale.language_code == "uk"
    assert translation.translation_key == case.translation_key and translation.nomination == "e-democracy"
    assert [item.category.locale.language_code for item in translation.case_categories.all()] == ["en"]


def test_an_entry_not_screened_eligible_is_refused(results_contest, library, editor, client):
    client.force_login(editor)

    response = client.post(reverse("contest_entry_to_case", args=[results_contest.other.pk]))

    assert response.status_code == 302 and CasePage.objects.count() == 0


def test_the_admin_action_opens_the_case_and_is_for_organisers_only(results_contest, library, editor, client):
    url = reverse("contest_entry_to_case", args=[accepted(results_contest.winner).pk])
    client.force_login(results_contest.experts[0])
    assert client.post(url).status_code in (302, 403)
    assert CasePage.objects.count() == 0

    client.force_login(editor)
    response = client.post(url)

    case = CasePage.objects.get()
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[case.pk])
