"""A small bilingual contest with participants, entries, experts and scores, for the results tests.

Its dates are fixed around ``START``; tests move the clock with time-machine to the phase they need.
"""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from contest.models import Assignment, ContestPage, Criterion, Entry, Nomination, Participant, Score
from contest.phases import DATE_FIELDS
from practices.models import Region
from tests.factories import translate

START = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
DATES = {field: START + timedelta(days=30 * index) for index, field in enumerate(DATE_FIELDS)}
# A moment inside each phase.
MOMENTS = {
    "before": START - timedelta(days=1),
    "announced": DATES["announcement_at"] + timedelta(days=1),
    "open": DATES["submissions_open_at"] + timedelta(days=1),
    "evaluation": DATES["submissions_close_at"] + timedelta(days=1),
    "awaiting_results": DATES["evaluation_close_at"] + timedelta(days=1),
    "results": DATES["results_at"] + timedelta(days=1),
}


def make_contest_page(parent, **fields):
    page = ContestPage(
        title="Конкурс кращих практик",
        slug="contest",
        intro="Національний конкурс кейсів.",
        eligibility="Органи місцевого самоврядування.",
        motivators="Визнання та поширення досвіду.",
        prizes="Дипломи переможцям.",
        contacts="contest@example.org",
        **DATES,
        **fields,
    )
    page.nominations = [
        Nomination(key="e-services", name="Електронні послуги", sort_order=0),
        Nomination(key="e-democracy", name="Електронна демократія", sort_order=1),
    ]
    page.criteria = [
        Criterion(key="impact", name="Вплив", weight=60, max_score=10, sort_order=0),
        Criterion(key="replicability", name="Відтворюваність", weight=40, max_score=10, sort_order=1),
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_participant(username, organisation, region_code, level="city", language="uk"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x-unused-password-1")
    return Participant.objects.create(
        user=user,
        organisation=organisation,
        level=level,
        region=Region.objects.get(code=region_code),
        contact_name=f"Контакт {username}",
        position="Секретар",
        phone="+380441234567",
        consent_version="2030-01",
        consent_at=timezone.now(),
    )


def make_entry(contest, participant, nomination_key, title, language="uk", **fields):
    fields = {"status": Entry.Status.SUBMITTED, "submitted_at": timezone.now(), **fields}
    return Entry.objects.create(
        contest=contest,
        participant=participant,
        nomination=contest.nominations.get(key=nomination_key),
        title=title,
        summary="Опис.",
        community=participant.organisation,
        language=language,
        **fields,
    )


def score(entry, expert, values, comments):
    """Submitted scores of ``expert`` on ``entry``, one per criterion in order."""
    assignment = Assignment.objects.create(entry=entry, expert=expert, submitted_at=timezone.now())
    for criterion, value, comment in zip(entry.contest.criteria.order_by("sort_order"), values, comments, strict=True):
        Score.objects.create(assignment=assignment, criterion=criterion, value=value, comment=comment)
    return assignment


@pytest.fixture
def results_contest(site_tree):
    """The contest in both languages, three submitted entries (one English, one not eligible) and a draft.

    The winner and the finalist are decided and scored; nothing is released yet.
    """
    uk = make_contest_page(site_tree.home_uk)
    en = translate(uk, "en", title="Best practice contest", slug="contest")
    for row in en.nominations.all():
        row.name = {"e-services": "E-services", "e-democracy": "E-democracy"}[row.key]
        row.save()
    for row in en.criteria.all():
        row.name = {"impact": "Impact", "replicability": "Replicability"}[row.key]
        row.save()
    vinnytsia = make_participant("vinnytsia", "Вінницька міська рада", "UA-05")
    poltava = make_participant("poltava", "Полтавська міська рада", "UA-53")
    lviv = make_participant("lviv", "Lviv City Council", "UA-46", language="en")
    rural = make_participant("khmilnyk", "Хмільницька громада", "UA-05", level="hromada")
    winner = make_entry(uk, vinnytsia, "e-services", "Електронна черга", award="winner", screening="eligible")
    finalist = make_entry(
        uk, lviv, "e-democracy", "Open council", language="en", award="finalist", screening="eligible"
    )
    other = make_entry(
        uk, poltava, "e-democracy", "Бюджет участі", screening="ineligible", screening_reason="Не завершено."
    )
    draft = make_entry(uk, rural, "e-services", "Wi-Fi у селах", status=Entry.Status.DRAFT, submitted_at=None)
    users = get_user_model().objects
    expert_a = users.create_user("expert-a", "a@example.org", "x-unused-password-2", first_name="Ірина")
    expert_b = users.create_user("expert-b", "b@example.org", "x-unused-password-3", first_name="Петро")
    score(winner, expert_a, [9, 8], ["Черги зникли.", "Легко повторити."])
    score(winner, expert_b, [8, 7], ["Добрі показники.", "Потрібні термінали."])
    score(finalist, expert_a, [7, 6], ["Clear minutes online.", "Needs a video team."])
    Assignment.objects.create(entry=finalist, expert=expert_b)  # not scored yet: the finalist is not fully scored
    return SimpleNamespace(
        uk=uk,
        en=en,
        winner=winner,
        finalist=finalist,
        other=other,
        draft=draft,
        experts=(expert_a, expert_b),
    )
