"""An editor whose admin speaks Ukrainian meets no English and no broken Ukrainian on the screens they use.

The screens of the editor's flow are opened with the test client; their visible text (and the
attributes read aloud: aria-label, title, placeholder, alt) is searched for English words. Names that
stay Latin (Wagtail, URL, API…) and the content the test itself wrote are allowed.
"""

import json
import re
import zoneinfo

import pytest
from bs4 import BeautifulSoup, Comment, Declaration, Doctype
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from events.models import Speaker
from partners.models import Expert, Partner
from practices.models import Category, Organisation, Region
from search.models import Synonym
from tests.factories import CaseLibraryPageFactory, CasePageFactory, translate
from tests.news.conftest import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

#: Words that stay Latin on Ukrainian screens: product names, abbreviations, formats, the language endonym.
ALLOWED = {
    "Wagtail", "Draftail", "JavaScript", "URL", "URLs", "API", "SEO", "HTML", "CSV", "XLSX", "JSON", "PDF", "SVG",
    "PNG", "JPEG", "JPG", "GIF", "WEBP", "AVIF", "HEIC", "ISO", "UTC", "YouTube", "Vimeo", "MP4", "WebM", "Ogg",
    "English", "TsNAP", "ICO", "DOCX", "ODT", "ODS", "PPTX", "ODP", "RTF", "TXT", "ZIP", "Open", "Graph",
    "Markdown", "CTRL", "Ctrl", "Alt", "Shift", "Cmd", "Enter", "Esc", "Tab", "Instagram", "Facebook", "Telegram",
    "DeepL", "Google", "Twitter", "LinkedIn", "WCAG", "CAPTCHA", "RSS", "Atom", "iCalendar",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
#: What is not a word of the interface: addresses, e-mail addresses, slugs and codes, file names.
NOT_WORDS = re.compile(r"\S+@\S+|\b\w+://\S+|/\S*|\b[\w.-]+\.(?:png|jpe?g|pdf|txt|svg)\b|\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
TIME_ZONES = zoneinfo.available_timezones()
READ_ALOUD = ("aria-label", "title", "placeholder", "alt", "aria-description")
SKIPPED_ELEMENTS = ("script", "style", "code", "pre", "template", "svg")
#: Strings of wagtail-localize's translation view that its React code shows.
TRANSLATION_VIEW_KEYS = {"label", "field", "subField", "fieldHelpText", "verbose_name", "verbose_name_plural"}


def visible_texts(html):
    """The text a person reads or hears on the page, piece by piece."""
    soup = BeautifulSoup(html, "html.parser")
    texts = []
    for element in soup.find_all(attrs={"data-props": True}):
        texts.extend(translation_view_strings(json.loads(element["data-props"])))
    for element in soup.find_all(SKIPPED_ELEMENTS):
        element.decompose()
    # Wagtail renders a hidden side-panel counter as "None" until its script puts a number in it.
    for element in soup.find_all(attrs={"data-side-panel-toggle-counter": True}):
        element.decompose()
    texts.extend(
        text.strip()
        for text in soup.find_all(string=True)
        if text.strip() and not isinstance(text, (Comment, Declaration, Doctype))
    )
    for element in soup.find_all(True):
        texts.extend(str(element[name]) for name in READ_ALOUD if element.has_attr(name))
    return texts


def translation_view_strings(props):
    if isinstance(props, dict):
        for key, value in props.items():
            if key in TRANSLATION_VIEW_KEYS and isinstance(value, str):
                yield value
            else:
                yield from translation_view_strings(value)
    elif isinstance(props, list):
        for value in props:
            yield from translation_view_strings(value)


def english_words(text, allowed):
    if text in TIME_ZONES:  # the account's time zone choices are IANA names
        return []
    return [word for word in LATIN_WORD.findall(NOT_WORDS.sub(" ", text)) if word not in allowed]


def content_words():
    """Latin words of the content in the database (the English reference data and the English pages)."""
    texts = [*Region.objects.values_list("name_en", flat=True)]
    texts += Category.objects.filter(locale__language_code="en").values_list("name", flat=True)
    texts += Category.objects.values_list("slug", flat=True)
    texts += Page.objects.filter(locale__language_code="en").values_list("title", flat=True)
    texts += Site.objects.values_list("site_name", flat=True)
    return {word for text in texts for word in LATIN_WORD.findall(text)}


@pytest.fixture
def ukrainian_editor(client):
    editor = get_user_model().objects.create_superuser(
        "redaktorka", "redaktorka@example.org", "пароль-редакторки", first_name="Олена", last_name="Коваль"
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "uk"
    profile.save()
    client.force_login(editor)
    return editor


@pytest.fixture
def editor_content(site_tree):
    """Content an editor works on, written in Ukrainian, with a case translated to English."""
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    translate(library, "en", title="Case library")
    case = CasePageFactory(parent=library, title="Електронна черга у Вінниці")
    source, _created = TranslationSource.get_or_create_from_instance(case)
    english = Locale.objects.get(language_code="en")
    Translation.objects.create(source=source, target_locale=english).save_target(publish=True)
    news_index = NewsIndexPageFactory(parent=site_tree.home_uk)
    news = NewsPageFactory(parent=news_index, title="Відкрито прийом заявок", tags=["конкурс"])
    ukrainian = Locale.objects.get(language_code="uk")
    Organisation.objects.create(name="Вінницька міська рада", locale=ukrainian)
    Speaker.objects.create(name="Іван Петренко", organisation="Асоціація міст", locale=ukrainian)
    Partner.objects.create(name="Асоціація «Е-врядування»", locale=ukrainian)
    Expert.objects.create(name="Марія Шевченко", locale=ukrainian)
    Synonym.objects.create(terms="ЦНАП, центр надання адміністративних послуг")
    return {
        "home": site_tree.home_uk,
        "library": library,
        "case": case,
        "translated_case": case.get_translation(english),
        "news_index": news_index,
        "news": news,
    }


def editor_screens(content):
    """The admin screens of the editor's flow, by what the editor does there."""
    library, news_index = content["library"], content["news_index"]
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page explorer": reverse("wagtailadmin_explore", args=[content["home"].pk]),
        "case library": reverse("wagtailadmin_explore", args=[library.pk]),
        "new case": reverse("wagtailadmin_pages:add", args=["practices", "casepage", library.pk]),
        "case": reverse("wagtailadmin_pages:edit", args=[content["case"].pk]),
        "translation of the case": reverse("wagtailadmin_pages:edit", args=[content["translated_case"].pk]),
        "new news item": reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk]),
        "news item": reverse("wagtailadmin_pages:edit", args=[content["news"].pk]),
        "snippets": reverse("wagtailsnippets:index"),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "account": reverse("wagtailadmin_account"),
    }
    for model in get_snippet_models():
        if model._meta.app_label in PROJECT_APPS:
            viewset = model.snippet_viewset
            screens[f"{model._meta.model_name} list"] = reverse(viewset.get_url_name("list"))
            screens[f"new {model._meta.model_name}"] = reverse(viewset.get_url_name("add"))
    return screens


PROJECT_APPS = {"home", "practices", "events", "contest", "news", "publications", "partners", "operations", "search"}


def test_the_editors_admin_screens_have_no_english_words(client, ukrainian_editor, editor_content):
    allowed = ALLOWED | content_words()
    found = {}
    for screen, url in editor_screens(editor_content).items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, screen
        for text in visible_texts(response.content.decode()):
            if english_words(text, allowed):
                found.setdefault(text, screen)

    assert not found, "English on Ukrainian screens:\n" + "\n".join(
        f"{screen}: {text!r}" for text, screen in sorted(found.items(), key=lambda item: item[1])
    )


def test_the_screens_of_the_flow_include_every_snippet_of_the_project(editor_content):
    screens = editor_screens(editor_content)

    for model in (Category, Organisation, Region, Speaker, Partner, Expert, Synonym):
        assert f"{model._meta.model_name} list" in screens and f"new {model._meta.model_name}" in screens


def test_a_chooser_names_what_it_chooses_in_a_grammatical_form(client, ukrainian_editor, editor_content):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[editor_content["case"].pk])).content.decode()

    assert "Вибрати організація" not in html
    assert "Вибрати: організація" in html


def test_a_listing_counts_its_items_in_a_form_that_agrees_with_any_number(client, ukrainian_editor, editor_content):
    html = client.get(reverse("wagtailsnippets_practices_region:list")).content.decode()

    assert "27 регіони" not in html
    assert "Регіони: 27" in html


@pytest.mark.parametrize(
    ("count", "words"),
    [(1, "1 сторінка"), (3, "3 сторінки"), (11, "11 сторінок"), (22, "22 сторінки"), (27, "27 сторінок")],
)
def test_counted_admin_strings_use_the_three_ukrainian_plural_forms(count, words):
    singular = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'

    with translation.override("uk"):
        text = translation.ngettext(singular, plural, count) % {"total": count, "site_name": "Депозитарій"}

    assert text.startswith(f"{words} ")


def test_the_translation_views_publish_button_names_the_language_after_a_space(client, ukrainian_editor):
    script = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()

    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalogue["Publish in "] == "Опублікувати: "
