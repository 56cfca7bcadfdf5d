"""Contest fixtures: an open contest, participants with verified addresses and profiles, organisers, experts."""

from types import SimpleNamespace

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from contest.models import Entry, Participant
from contest.models.jury import EXPERTS_GROUP, ORGANISERS_GROUP
from practices.models import Region
from tests.factories import ContestPageFactory

PASSWORD = "a-long-contest-password-17"


@pytest.fixture(autouse=True)
def fresh_account_limits():
    """allauth counts e-mails and logins in the cache, which outlives a test: each test starts afresh."""
    cache.clear()


@pytest.fixture
def tasks_in_process(settings):
    """Tasks run in the test's process, so the mail outbox shows the e-mails they send."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def contest(site_tree):
    return ContestPageFactory(parent=site_tree.home_uk, title="Конкурс 2013", slug="contest-2013", phase="open")


def make_user(django_user_model, email, *, group=None, **fields):
    user = django_user_model.objects.create_user(username=email, email=email, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def make_participant(django_user_model, email, organisation="Вінницька міська рада"):
    user = make_user(django_user_model, email)
    Participant.objects.create(
        user=user,
        organisation=organisation,
        level="city",
        region=Region.objects.get(code="UA-05"),
        contact_name="Олена Коваль",
        position="Начальниця відділу",
        phone="+380 43 200 00 00",
        consent_version="none",
        consent_at=timezone.now(),
    )
    return user


@pytest.fixture
def people(db, django_user_model):
    """A participant, another participant, an organiser (group member), a superuser and two experts."""
    return SimpleNamespace(
        participant=make_participant(django_user_model, "olena@example.org"),
        other=make_participant(django_user_model, "petro@example.org", "Львівська міська рада"),
        organiser=make_user(django_user_model, "organiser@example.org", group=ORGANISERS_GROUP),
        superuser=make_user(django_user_model, "admin@example.org", is_superuser=True, is_staff=True),
        expert=make_user(django_user_model, "expert@example.org", group=EXPERTS_GROUP),
        other_expert=make_user(django_user_model, "expert2@example.org", group=EXPERTS_GROUP),
    )


def log_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def complete_entry(contest, user, **fields):
    """A draft with every field submitting needs."""
    from practices.models import Category

    fields.setdefault("language", "uk")
    entry = Entry.objects.create(
        contest=contest,
        participant=user.participant,
        nomination=contest.nominations.first(),
        title="Електронна черга до ЦНАП",
        summary="Запис на прийом онлайн.",
        community="Вінниця",
        year=2012,
        problem="Черги.",
        solution="Онлайн-запис.",
        results="Менше черг.",
        replication="Відкритий код.",
        **fields,
    )
    entry.categories.set([Category.objects.filter(locale=contest.locale).first()])
    return entry


from .conftest_results import results_contest  # noqa: E402, F401 - the results tests' contest
from .jury_fixtures import jury, jury_contest  # noqa: E402, F401 - the jury tests' fixtures
