"""Factories for the suite's pages. Pages go into the tree under ``parent`` and are live."""

import factory
from django.contrib.auth.models import Group, Permission, User
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from practices.models import CaseAdoption, CaseCategory, CaseLibraryPage, CasePage, Category, Region


def user_with(*codenames, username):
    """A user whose only rights are the permissions ``codenames``, given through a group of their own."""
    group = Group.objects.create(name=username)
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user = User.objects.create_user(username, password="x")  # noqa: S106 - test account
    user.groups.add(group)
    return user


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
