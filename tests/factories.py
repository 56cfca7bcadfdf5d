"""Factories for the suite's pages. Pages go into the tree under ``parent`` and are live."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from contest.models import ContestPage, Criterion, Nomination
from contest.phases import DATE_FIELDS
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


# Days from now of each contest date (in DATE_FIELDS order) that put the contest in a phase.
CONTEST_PHASE_DAYS = {
    None: (10, 20, 50, 80, 110),
    "announced": (-10, 10, 40, 70, 100),
    "open": (-20, -10, 30, 60, 90),
    "evaluation": (-60, -40, -5, 30, 60),
    "awaiting_results": (-90, -70, -40, -5, 30),
    "results": (-120, -100, -70, -40, -5),
}

# (key, name, classifier paths) of the nominations a contest gets unless told otherwise.
CONTEST_NOMINATIONS = (
    ("e-services", "Електронні послуги", ("e-services",)),
    ("e-democracy", "Електронна демократія", ("e-democracy",)),
)

# (key, nomination key or "" for all, name, weight): the weights of each nomination add up to 100.
CONTEST_CRITERIA = (
    ("relevance", "", "Актуальність", 40),
    ("results", "", "Результативність", 35),
    ("replication", "", "Можливість поширення", 25),
)


class ContestPageFactory(PageFactory):
    """A live contest whose dates put it in ``phase`` now; explicit date fields override those dates.

    ``nominations`` are (key, name, classifier paths) and ``criteria`` (key, nomination key, name,
    weight) tuples; the defaults give two nominations scored on three contest-wide criteria adding to 100.
    """

    title = factory.Sequence(lambda n: f"Конкурс {n}")
    slug = factory.Sequence(lambda n: f"contest-{n}")
    eligibility = "Органи місцевого самоврядування та органи виконавчої влади."

    class Meta:
        model = ContestPage

    @classmethod
    def _create(
        cls, model_class, *args, phase="open", nominations=CONTEST_NOMINATIONS, criteria=CONTEST_CRITERIA, **kwargs
    ):
        now = timezone.now()
        for field, days in zip(DATE_FIELDS, CONTEST_PHASE_DAYS[phase], strict=True):
            kwargs.setdefault(field, now + timedelta(days=days))
        parent = kwargs.pop("parent")
        page = model_class(*args, **kwargs)
        page.nominations = [Nomination(key=key, name=name) for key, name, _paths in nominations]
        page.criteria = [
            Criterion(key=key, nomination_key=nomination_key, name=name, weight=weight)
            for key, nomination_key, name, weight in criteria
        ]
        parent.add_child(instance=page)
        # A nomination is no cluster of its own, so its categories are committed by hand before the revision.
        for nomination, (_key, _name, paths) in zip(page.nominations.all(), nominations, strict=True):
            nomination.categories.set([category(path) for path in paths])
            nomination.categories.commit()
        page.save_revision().publish()
        return page
