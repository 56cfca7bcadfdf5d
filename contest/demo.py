"""The demo contest of 2013, «Кращі практики впровадження електронного врядування на регіональному рівні».

Both languages, three nominations with weighted criteria, 27 entries drawn from the sample cases
(each sample case as entered by its own community, and again as entered by other communities that
repeated it), demo participants and experts with unusable passwords, their scores, and released
results whose winner and finalist are the library's demo cases. Everything is found again by stable
keys, so a second run changes nothing. The demo release sends no e-mail: the demo addresses are not
real, and the results were "released" in 2013.
"""

import json
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.demo import demo_uuid, ensure_demo_page
from home.models import HomePage
from practices.demo import SAMPLE_FILE
from practices.models import CasePage, Category, Region

from .models import Assignment, ContestPage, Criterion, Entry, ExpertProfile, Nomination, Participant, Score
from .models.pages import CONTEST_TIME_ZONE

KEY = "contest-2013"
SLUG = "contest-2013"
CONTENT = {
    "uk": {
        "title": "Кращі практики впровадження електронного врядування на регіональному рівні",
        "intro": "Національний конкурс кейсів кращих практик 2013 року (демо).",
        "eligibility": "Органи місцевого самоврядування міст, селищ, сіл, районів і областей України.",
        "motivators": "Визнання на всеукраїнському рівні, місце в депозитарії кращих практик, виступ на конференції.",
        "prizes": "Дипломи переможцям і фіналістам кожної номінації.",
        "contacts": "Асоціація «Міста електронного врядування України», contest@example.org",
    },
    "en": {
        "title": "Best practices of e-governance at the regional level",
        "intro": "The 2013 national contest of best-practice cases (demo).",
        "eligibility": "Local self-government bodies of Ukraine's cities, towns, villages, districts and oblasts.",
        "motivators": "National recognition, a place in the depository of best practices, a talk at the conference.",
        "prizes": "Diplomas for the winners and finalists of each nomination.",
        "contacts": "Association “E-Governance Cities of Ukraine”, contest@example.org",
    },
}
DATES = {
    "announcement_at": "2013-03-01 10:00",
    "submissions_open_at": "2013-03-15 10:00",
    "submissions_close_at": "2013-06-01 18:00",
    "evaluation_close_at": "2013-08-15 18:00",
    "results_at": "2013-09-01 12:00",
}
NOMINATIONS = [
    ("best-e-service", "Електронні послуги", "E-services", ("e-services", "sectors", "infrastructure")),
    ("best-e-democracy", "Електронна демократія", "E-democracy", ("e-democracy", "openness")),
    ("best-effective-management", "Ефективне управління", "Effective management", ("e-administration",)),
]
CRITERIA = [
    ("impact", "Вплив на громаду", "Impact on the community", 40),
    ("innovation", "Новизна рішення", "Innovation", 30),
    ("replicability", "Відтворюваність", "Replicability", 30),
]
# Communities that entered a sample case's practice as their own, with the region and level.
OTHER_COMMUNITIES = [
    ("Житомирська міська рада (демо)", "UA-18"),
    ("Миколаївська міська рада (демо)", "UA-48"),
    ("Полтавська міська рада (демо)", "UA-53"),
    ("Львівська міська рада (демо)", "UA-46"),
    ("Івано-Франківська міська рада (демо)", "UA-26"),
    ("Білоцерківська міська рада (демо)", "UA-32"),
    ("Чернігівська міська рада (демо)", "UA-74"),
    ("Вінницька міська рада (демо)", "UA-05"),
]
EXPERTS = ["demo-expert-1", "demo-expert-2", "demo-expert-3"]


def at(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=CONTEST_TIME_ZONE)


def sample_records():
    """The sample cases, one record each: the Ukrainian one where there is one."""
    records = {}
    for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record["key"] not in records or record["locale"] == "uk":
                records[record["key"]] = record
    return list(records.values())


def nomination_key(record):
    if record.get("nomination"):
        return record["nomination"]
    top = record["categories"][0].split("/")[0]
    return next(key for key, _uk, _en, tops in NOMINATIONS if top in tops)


def contest_state(page):
    return (
        page.title,
        page.slug,
        page.intro,
        page.eligibility,
        page.motivators,
        page.prizes,
        page.contacts,
        *(getattr(page, field) for field in DATES),
        [(row.key, row.name) for row in page.nominations.all()],
        [(row.key, row.name, row.weight) for row in page.criteria.all()],
    )


def ensure_contest(locales):
    pages = {}
    for code in ("uk", "en"):
        home = HomePage.objects.filter(locale=locales[code]).order_by("pk").first()
        # Rows keep their ids: entries refer to the nominations, and a deleted row would take them along.
        existing = ContestPage.objects.filter(translation_key=demo_uuid("contest", KEY), locale=locales[code]).first()
        ids = {
            (type(row), row.key): row.pk
            for row in ([*existing.nominations.all(), *existing.criteria.all()] if existing else [])
        }
        fields = {
            **CONTENT[code],
            "slug": SLUG,
            "show_in_menus": True,
            "is_demo": True,
            **{field: at(text) for field, text in DATES.items()},
            "nominations": [
                Nomination(
                    pk=ids.get((Nomination, key)),
                    key=key,
                    name=uk if code == "uk" else en,
                    locale=locales[code],
                    translation_key=demo_uuid("contest", KEY, "nomination", key),
                    sort_order=position,
                )
                for position, (key, uk, en, _tops) in enumerate(NOMINATIONS)
            ],
            "criteria": [
                Criterion(
                    pk=ids.get((Criterion, key)),
                    key=key,
                    name=uk if code == "uk" else en,
                    weight=weight,
                    locale=locales[code],
                    translation_key=demo_uuid("contest", KEY, "criterion", key),
                    sort_order=position,
                )
                for position, (key, uk, en, weight) in enumerate(CRITERIA)
            ],
        }
        pages[code], _outcome = ensure_demo_page(
            ContestPage, demo_uuid("contest", KEY), home, locales[code], fields, state=contest_state
        )
    return pages


def demo_user(username, **fields):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", **fields}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def ensure_participant(index, organisation, region_code, level):
    user = demo_user(f"demo-participant-{index:02d}")
    participant, _created = Participant.objects.get_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "level": level,
            "region": Region.objects.get(code=region_code),
            "contact_name": f"Демо-контакт {index}",
            "position": "Демо-посада",
            "phone": "+380440000000",
            "consent_version": "demo",
            "consent_at": at(DATES["submissions_open_at"]),
        },
    )
    return participant


def entries_to_make():
    """(record, community, region, level, is the original) for each demo entry: the originals, then repeats."""
    records = sample_records()
    made = [(record, record.get("community", ""), record["region"], record["level"], True) for record in records]
    for index in range(27 - len(made)):
        record = records[index % len(records)]
        community, region = OTHER_COMMUNITIES[index % len(OTHER_COMMUNITIES)]
        if region == record["region"]:
            community, region = OTHER_COMMUNITIES[(index + 1) % len(OTHER_COMMUNITIES)]
        made.append((record, community, region, "city", False))
    return made


def ensure_entries(contest, experts):
    nominations = {row.key: row for row in contest.nominations.all()}
    criteria = list(contest.criteria.all())
    for index, (record, community, region, level, original) in enumerate(entries_to_make(), start=1):
        participant = ensure_participant(index, community or record["title"], region, level)
        case = CasePage.objects.filter(key=record["key"], locale=contest.locale).first() if original else None
        entry, _created = Entry.objects.update_or_create(
            key=f"e-demo-{index:02d}",
            defaults={
                "contest": contest,
                "participant": participant,
                "language": record["locale"],
                "status": Entry.Status.SUBMITTED,
                "step": 5,
                "nomination": nominations[nomination_key(record)],
                "title": record["title"] if original else f"{record['title']} ({community})",
                "summary": record["summary"],
                "community": community,
                "year": record["year"],
                "problem": record.get("problem", ""),
                "solution": record.get("solution", ""),
                "results": record.get("results", ""),
                "replication": record.get("replication", ""),
                "indicators": record.get("indicators", []),
                "submitted_at": at(DATES["submissions_close_at"]),
                "screening": Entry.Screening.ELIGIBLE,
                "award": (record.get("award") or "") if original else "",
                "case": case,
            },
        )
        categories = Category.objects.filter(locale__language_code=record["locale"])
        wanted = [c.pk for c in categories.select_related("parent") if c.path in record["categories"]]
        if sorted(entry.categories.values_list("pk", flat=True)) != sorted(wanted):
            entry.categories.set(wanted)
        for position, expert in enumerate(experts):
            assignment, _created = Assignment.objects.get_or_create(
                entry=entry,
                expert=expert,
                defaults={"method": Assignment.Method.AUTOMATIC, "submitted_at": at(DATES["evaluation_close_at"])},
            )
            for criterion in criteria:
                value = 10 - (index + position + criterion.sort_order) % 5 - (0 if original else 2)
                Score.objects.get_or_create(
                    assignment=assignment,
                    criterion=criterion,
                    defaults={"value": value, "comment": "Демонстраційний коментар експерта."},
                )


def load_demo_contest(stdout):
    locales = {code: Locale.objects.get(language_code=code) for code in ("uk", "en")}
    pages = ensure_contest(locales)
    experts = []
    for username in EXPERTS:
        expert = demo_user(username, first_name="Демо", last_name="Експерт")
        ExpertProfile.objects.get_or_create(user=expert, defaults={"organisation": "Робоча експертна група (демо)"})
        experts.append(expert)
    ensure_entries(pages["uk"], experts)
    # Released in 2013, with no e-mails: the demo participants' addresses are not real.
    ContestPage.objects.filter(pk=pages["uk"].pk, results_released_at__isnull=True).update(
        results_released_at=at(DATES["results_at"])
    )
    stdout.write(_("Demo contest: %(entries)d entries.") % {"entries": pages["uk"].entries.count()} + "\n")
