import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import CaseLibraryPageFactory, CasePageFactory, category, translate

pytestmark = pytest.mark.django_db


def test_deleting_a_category_in_use_is_refused_with_a_reason(admin_client, site_tree):
    CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk), categories=["e-services/e-queue"])
    in_use = category("e-services/e-queue")

    response = admin_client.post(reverse("wagtailsnippets_practices_category:delete", args=[in_use.pk]), follow=True)

    assert "не можна видалити" in response.content.decode()
    assert type(in_use).objects.filter(pk=in_use.pk).exists()


def test_an_unused_category_can_be_deleted(admin_client, site_tree):
    unused = category("sectors/e-health")

    admin_client.post(reverse("wagtailsnippets_practices_category:delete", args=[unused.pk]))

    assert not type(unused).objects.filter(pk=unused.pk).exists()


def test_case_editor_shows_the_tabs(admin_client, site_tree):
    case = CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk))

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[case.pk])).content.decode()

    for tab in ("Кейс", "Опис", "Медіа та документи", "Поширення", "Контакт і конкурс"):
        assert tab in html


def editor_form(admin_client, url):
    return BeautifulSoup(admin_client.get(url).content.decode(), "html.parser")


def chooser_titles(admin_client, url):
    response = admin_client.get(url)
    html = response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()
    links = BeautifulSoup(html, "html.parser").select("td a[data-chooser-modal-choice]")
    return [link.get_text(strip=True) for link in links]


def test_the_case_title_fills_the_slug(admin_client, library):
    page = editor_form(admin_client, reverse("wagtailadmin_pages:add", args=["practices", "casepage", library.pk]))

    title = page.find("input", {"name": "title"})

    assert title["data-controller"] == "w-sync" and title["data-w-sync-target-value"] == "#id_slug"


def test_every_required_case_field_is_marked_and_on_the_first_tab(admin_client, library):
    page = editor_form(admin_client, reverse("wagtailadmin_pages:add", args=["practices", "casepage", library.pk]))
    first_tab = page.select_one("section.w-tabs__panel")

    for name in ("title", "intro", "key", "region", "level", "year"):
        field = first_tab.find(attrs={"name": name})
        label = first_tab.find("label", attrs={"for": field["id"]}) or first_tab.find(id=f"{field['id']}-label")
        assert field is not None and "*" in label.get_text(), name
    assert first_tab.find(attrs={"name": "intro"}).has_attr("required")


def test_a_case_without_a_summary_is_refused_with_the_reason(library):
    case = CasePageFactory.build(intro="", key="no-summary")

    with pytest.raises(ValidationError) as refusal:
        case.full_clean(exclude=["path", "depth", "slug"])

    assert refusal.value.message_dict["intro"] == ["Напишіть короткий опис кейсу."]


def test_the_region_chooser_lists_regions_alphabetically_and_searches_them(admin_client, site_tree):
    url = reverse("wagtailsnippetchoosers_practices_region:choose")

    titles = chooser_titles(admin_client, url)
    found = chooser_titles(admin_client, reverse("wagtailsnippetchoosers_practices_region:choose_results") + "?q=вінн")

    assert titles[:3] == ["Автономна Республіка Крим", "Вінницька область", "Волинська область"]
    assert titles.index("Житомирська область") < titles.index("Івано-Франківська область") < titles.index("Київ")
    assert found == ["Вінницька область"]


def test_the_region_chooser_follows_the_english_alphabet_for_an_english_speaking_editor(
    admin_client, admin_user, site_tree
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()

    titles = chooser_titles(admin_client, reverse("wagtailsnippetchoosers_practices_region:choose"))

    assert titles[0] == "Autonomous Republic of Crimea" and titles == sorted(titles)


def test_the_category_chooser_shows_the_classifier_as_a_tree_and_searches_it(admin_client, site_tree):
    url = reverse("wagtailsnippetchoosers_practices_category:choose_results") + "?locale=uk"

    titles = chooser_titles(admin_client, url)
    found = chooser_titles(admin_client, url + "&q=черга")

    current_parent = None
    for title in titles:
        parent, _arrow, _child = title.rpartition(" › ")
        if parent:
            assert parent == current_parent, f"{title} is not under its parent"
        else:
            current_parent = title
    assert "›" not in titles[0] and titles[1].startswith(f"{titles[0]} › ")
    assert found == ["Електронні послуги › Електронна черга та запис на прийом"]


def test_the_category_chooser_offers_the_classifier_in_the_editors_language_first(admin_client, site_tree):
    titles = chooser_titles(admin_client, reverse("wagtailsnippetchoosers_practices_category:choose"))

    assert titles[0] == "Електронні послуги"


def test_the_editor_and_the_translation_view_label_the_case_fields_alike(admin_client, library):
    translate(library, "en", title="Case library")
    case = CasePageFactory(parent=library)
    source, _created = TranslationSource.get_or_create_from_instance(case)
    Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="en")).save_target(
        publish=True
    )
    english = case.get_translation(Locale.objects.get(language_code="en"))

    editor = editor_form(admin_client, reverse("wagtailadmin_pages:edit", args=[case.pk]))
    translation_view = editor_form(admin_client, reverse("wagtailadmin_pages:edit", args=[english.pk]))
    props = json.loads(translation_view.find(attrs={"data-props": True})["data-props"])
    editor_labels = {
        element.get_text(" ", strip=True).rstrip(" *") for element in editor.select("label, h2, .w-panel__heading")
    }

    translation_labels = {
        label
        for segment in props["segments"]
        for label in (segment["location"]["field"], segment["location"]["subField"])
        if label
    }
    assert translation_labels - editor_labels == set()
    editor_tabs = {tab.find(string=True).strip() for tab in editor.select("[role=tab]")}
    assert {tab["label"] for tab in props["tabs"]} <= editor_tabs
