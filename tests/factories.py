"""Factories for the suite's pages. Pages go into the tree under ``parent`` and are live."""

import json

import factory
from django.test import TestCase
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import HomePage, StandardPage
from practices.models import CaseAdoption, CaseCategory, CaseLibraryPage, CasePage, Category, Region


class PageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    live = True

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class HomePageFactory(PageFactory):
    title = "Головна"
    slug = "home"

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


def translate(page, language_code, **fields):
    """Publish a translation of ``page`` (whose parent is already translated) with ``fields`` set."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def translate_in_localize(page, language_code, strings=(), overrides=()):
    """Translate ``page`` as a translator does in wagtail-localize's editor, and publish the translation.

    ``strings`` maps segment paths (``title``, ``documents.<row key>.title``) to their translation,
    ``overrides`` the paths of overridable segments (a row's ``document``) to their new value. What is
    not given stays the source's text, as wagtail-localize leaves it. The page's parent must be translated.
    """
    locale = Locale.objects.get(language_code=language_code)
    page = type(page).objects.get(pk=page.pk)  # as stored, not as the test last held it in memory
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()  # the source page changed since it was last translated
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for path, text in dict(strings).items():
        segment = StringSegment.objects.select_related("string", "context").get(source=source, context__path=path)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": text}
        )
    for path, value in dict(overrides).items():
        segment = OverridableSegment.objects.select_related("context").get(source=source, context__path=path)
        SegmentOverride.objects.update_or_create(
            locale=locale, context=segment.context, defaults={"data_json": json.dumps(value)}
        )
    # wagtail-localize publishes once the transaction commits; a test's transaction never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale)


class CaseLibraryPageFactory(PageFactory):
    title = "Бібліотека кейсів"
    slug = "cases"

    class Meta:
        model = CaseLibraryPage


def category(path, language_code="uk"):
    parent, _slash, child = path.partition("/")
    categories = Category.objects.filter(locale__language_code=language_code)
    if child:
        return categories.get(slug=child, parent__slug=parent)
    return categories.get(slug=parent, parent=None)


class CasePageFactory(PageFactory):
    """A live case; ``categories`` are classifier paths, ``adopted_by`` community names."""

    title = factory.Sequence(lambda n: f"Кейс {n}")
    key = factory.Sequence(lambda n: f"case-{n}")
    slug = factory.LazyAttribute(lambda page: page.key)
    intro = "Короткий опис практики."
    region = factory.LazyFunction(lambda: Region.objects.get(code="UA-05"))
    level = "city"
    year = 2015

    class Meta:
        model = CasePage

    @classmethod
    def _create(cls, model_class, *args, categories=("e-services/e-queue",), adopted_by=(), **kwargs):
        page = model_class(*args, **{k: v for k, v in kwargs.items() if k != "parent"})
        page.case_categories = [CaseCategory(category=category(path)) for path in categories]
        page.adoptions = [
            CaseAdoption(community=name, region=Region.objects.get(code="UA-53"), year=2020) for name in adopted_by
        ]
        kwargs["parent"].add_child(instance=page)
        page.save_revision().publish()
        return page
