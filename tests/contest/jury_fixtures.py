"""A small contest for the jury's tests: one nomination with two criteria, in the evaluation phase.

``jury`` gives the contest, its nomination and a ``make_*`` helper for each kind of row, so a test
builds only the participants, experts and entries it is about.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from contest.models import (
    Assignment,
    ContestPage,
    Criterion,
    Entry,
    ExpertProfile,
    JuryPanel,
    Nomination,
    Participant,
)
from contest.models.jury import EXPERTS_GROUP, ORGANISERS_GROUP
from practices.models import Region


def evaluation_dates(now=None):
    """Dates putting ``now`` (default: the current time) in the middle of the evaluation phase."""
    now = now or timezone.now()
    return {
        "announcement_at": now - timedelta(days=60),
        "submissions_open_at": now - timedelta(days=30),
        "submissions_close_at": now - timedelta(days=5),
        "evaluation_close_at": now + timedelta(days=5),
        "results_at": now + timedelta(days=20),
    }


def make_jury_contest(parent, slug="jury-contest", experts_per_entry=2):
    contest = ContestPage(
        title="Конкурс кращих практик",
        slug=slug,
        experts_per_entry=experts_per_entry,
        **evaluation_dates(),
        nominations=[Nomination(key="e-services", name="Електронні послуги")],
        criteria=[
            Criterion(key="impact", name="Вплив", min_score=1, max_score=5, weight=60),
            Criterion(key="cost", name="Вартість", min_score=0, max_score=10, weight=40),
        ],
    )
    parent.add_child(instance=contest)
    contest.save_revision().publish()
    return ContestPage.objects.get(pk=contest.pk)


class JuryBuilder:
    def __init__(self, contest):
        self.contest = contest
        self.nomination = contest.nominations.get()
        self.panel = JuryPanel.objects.create(nomination=self.nomination)
        self.impact = contest.criteria.get(key="impact")
        self.cost = contest.criteria.get(key="cost")
        self.count = 0

    def region(self, code):
        return Region.objects.get(code=code)

    def user(self, username, group=None, **fields):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_user(username, f"{username}@example.org", "secret-pass-1", **fields)
        if group:
            user.groups.add(Group.objects.get(name=group))
        # The admin in English, so the tests read the messages as written in the code.
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
        return user

    def organiser(self, username="organiser"):
        return self.user(username, ORGANISERS_GROUP)

    def expert(self, username, organisation="", region="UA-46", panel=True):
        user = self.user(username, EXPERTS_GROUP)
        ExpertProfile.objects.create(
            user=user, organisation=organisation, region=self.region(region) if region else None
        )
        if panel:
            self.panel.experts.add(user)
        return user

    def participant(self, username, organisation="Вінницька міська рада", region="UA-05"):
        user = self.user(username)
        return Participant.objects.create(
            user=user,
            organisation=organisation,
            level="city",
            region=self.region(region),
            contact_name="Контактна особа",
            position="Начальник відділу",
            phone="+380000000000",
            consent_version="2013-1",
            consent_at=timezone.now(),
        )

    def entry(self, participant=None, key=None, **fields):
        self.count += 1
        participant = participant or self.participant(f"participant{self.count}")
        defaults = {
            "contest": self.contest,
            "participant": participant,
            "language": "uk",
            "status": Entry.Status.SUBMITTED,
            "submitted_at": timezone.now(),
            "screening": Entry.Screening.ELIGIBLE,
            "nomination": self.nomination,
            "title": f"Практика {self.count}",
            "summary": "Короткий опис.",
        }
        if key:
            defaults["key"] = key
        defaults.update(fields)
        return Entry.objects.create(**defaults)

    def assign(self, entry, expert, submitted=False):
        return Assignment.objects.create(entry=entry, expert=expert, submitted_at=timezone.now() if submitted else None)

    def score(self, assignment, impact, cost, submit=True):
        assignment.scores.create(criterion=self.impact, value=impact, comment="Коментар")
        assignment.scores.create(criterion=self.cost, value=cost, comment="Коментар")
        if submit:
            assignment.submitted_at = timezone.now()
            assignment.save(update_fields=["submitted_at"])
        return assignment


@pytest.fixture
def jury_contest(site_tree):
    return make_jury_contest(site_tree.home_uk)


@pytest.fixture
def jury(jury_contest):
    return JuryBuilder(jury_contest)
