import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def tree():
    return sorted(
        (page.url_path, page.locale.language_code, str(page.translation_key), page.live)
        for page in Page.objects.filter(depth__gt=1).select_related("locale")
    )


def test_demo_builds_the_page_tree_in_both_languages(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))

    for language_code in ("uk", "en"):
        pages = StandardPage.objects.live().filter(locale__language_code=language_code)
        assert pages.count() >= 12  # about, seven stages, methodology, partners, contacts, stages overview
        assert all(page.is_demo for page in pages)
    assert HomePage.objects.live().count() == 2
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "uk"


def test_demo_loaded_twice_gives_the_same_tree_without_new_revisions(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first_tree, revisions, log_entries = tree(), Revision.objects.count(), PageLogEntry.objects.count()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert tree() == first_tree
    assert Revision.objects.count() == revisions
    assert PageLogEntry.objects.count() == log_entries


def test_demo_pages_are_served_in_both_languages_and_labelled_as_demo(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))

    for path in ("/uk/", "/en/", "/uk/about/stages/stage-1/", "/en/about/stages/stage-7/", "/en/contacts/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'class="demo-notice' in response.content.decode()


def test_demo_restores_a_page_an_editor_changed(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "Edited"
    about.save_revision().publish()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    about.refresh_from_db()
    assert about.title != "Edited"


def test_demo_fills_the_case_library_and_statistics_in_both_languages(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))

    for path in ("/uk/cases/", "/en/cases/", "/uk/statistics/", "/en/statistics/", "/uk/cases/vinnytsia-e-queue/"):
        assert client.get(path).status_code == 200, path
    case = client.get("/en/cases/vinnytsia-e-queue/").content.decode()
    assert "Electronic queue for the administrative service centre" in case
    assert 'class="demo-notice' in case


def test_demo_has_the_same_cases_in_both_languages_as_translations_of_each_other(client):
    from practices.models import CasePage

    call_command("load_demo", stdout=open("/dev/null", "w"))

    cases = CasePage.objects.live().select_related("locale")
    keys = {code: {case.key for case in cases if case.locale.language_code == code} for code in ("uk", "en")}
    assert keys["uk"] == keys["en"]
    assert "chernihiv-open-council" in keys["uk"]
    # Each pair is one case: the switcher leads from one language to the other.
    for case in cases.filter(locale__language_code="en"):
        assert case.get_translation_or_none(Locale.objects.get(language_code="uk")).key == case.key
