"""Factories for the suite's pages. Pages go into the tree under ``parent`` and are live."""

import factory
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage, StandardPage


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
