"""Automatic assignment benchmark: 1,000 eligible entries to 60 experts in a fresh database.

    .venv/bin/python bench/contest_assignment.py [--entries 1000] [--experts 60]

Prints the time of the automatic assignment (and of a second run, which must assign nothing), the
number of assignments made, the spread of the experts' loads and the entries left short.
"""

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import bench_environment, site_tree  # noqa: E402


def build(entries, experts):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from contest.models import ContestPage, Criterion, Entry, ExpertProfile, JuryPanel, Nomination, Participant
    from contest.models.jury import EXPERTS_GROUP
    from home.models import HomePage
    from practices.models import Region

    rng = random.Random(2013)
    now = timezone.now()
    home = HomePage.objects.filter(locale__language_code="uk").first()
    contest = ContestPage(
        title="Бенчмарк",
        slug="bench-contest",
        announcement_at=now - timedelta(days=60),
        submissions_open_at=now - timedelta(days=30),
        submissions_close_at=now - timedelta(days=1),
        evaluation_close_at=now + timedelta(days=10),
        results_at=now + timedelta(days=20),
        nominations=[Nomination(key=f"n{number}", name=f"Номінація {number}") for number in range(3)],
        criteria=[Criterion(key="impact", name="Вплив", min_score=1, max_score=5, weight=100)],
    )
    home.add_child(instance=contest)
    nominations = list(contest.nominations.all())
    regions = list(Region.objects.all())
    User = get_user_model()
    group = Group.objects.get(name=EXPERTS_GROUP)
    panels = {nomination.pk: JuryPanel.objects.create(nomination=nomination) for nomination in nominations}
    for number in range(experts):
        user = User.objects.create(username=f"expert{number}")
        user.groups.add(group)
        ExpertProfile.objects.create(user=user, organisation=f"Організація {number % 40}", region=rng.choice(regions))
        for nomination in rng.sample(nominations, 2):
            panels[nomination.pk].experts.add(user)
    participants = []
    for number in range(entries):
        user = User.objects.create(username=f"participant{number}")
        participants.append(
            Participant(
                user=user,
                organisation=f"Організація {number % 50}",
                level="city",
                region=rng.choice(regions),
                contact_name="Особа",
                position="Посада",
                phone="+380000000000",
                consent_version="1",
                consent_at=now,
            )
        )
    Participant.objects.bulk_create(participants)
    Entry.objects.bulk_create(
        Entry(
            contest=contest,
            participant=participant,
            language="uk",
            status=Entry.Status.SUBMITTED,
            screening=Entry.Screening.ELIGIBLE,
            nomination=rng.choice(nominations),
            title=f"Практика {number}",
            submitted_at=now,
        )
        for number, participant in enumerate(Participant.objects.all())
    )
    return contest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--experts", type=int, default=60)
    options = parser.parse_args()
    with bench_environment():
        from contest.assignment import assign_automatically

        site_tree()
        contest = build(options.entries, options.experts)
        started = time.perf_counter()
        report = assign_automatically(contest)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = assign_automatically(contest)
        second = time.perf_counter() - started
        loads = list(report.loads.values())
        print(
            f"{options.entries} entries, {options.experts} experts, {contest.experts_per_entry} per entry: "
            f"{first:.2f} s, {report.created} assignments; loads {min(loads)}–{max(loads)}; "
            f"{len(report.short)} entries short; second run {second:.2f} s, {again.created} assignments"
        )


if __name__ == "__main__":
    main()
