"""Demo events from the 2013 project plan: the partners' three coordination meetings (January, April and
September 2013), the all-Ukrainian conference of October 2013 with its programme and demo speakers,
and one upcoming webinar on a fixed date in 2027, so that the registration form shows.

Pages and speakers get translation keys derived from their demo keys, so a second run finds what
the first one made and saves only what differs: no duplicates, no new revisions.
"""

import json
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.demo import demo_uuid, ensure_demo_page
from home.models import HomePage

from .models import EVENT_TIME_ZONE, EventIndexPage, EventPage, Speaker

LANGUAGES = ("uk", "en")

INDEX = {
    "key": "events",
    "slug": "events",
    "uk": {
        "title": "Події",
        "intro": "Координаційні зустрічі партнерів, конференція та вебінари проєкту.",
    },
    "en": {
        "title": "Events",
        "intro": "Coordination meetings of the partners, the conference and the project's webinars.",
    },
}

SPEAKERS = [
    {
        "key": "speaker-pryklad",
        "uk": {
            "name": "Олена Приклад (демо)",
            "organisation": "Асоціація «Міста електронного врядування України»",
            "bio": "Демонстраційна доповідачка: вигадана особа, що ілюструє програму конференції.",
        },
        "en": {
            "name": "Olena Pryklad (demo)",
            "organisation": "Association “E-Governance Cities of Ukraine”",
            "bio": "Demo speaker: a fictional person illustrating the conference programme.",
        },
    },
    {
        "key": "speaker-zrazok",
        "uk": {
            "name": "Андрій Зразок (демо)",
            "organisation": "ГО «Подільська агенція регіонального розвитку»",
            "bio": "Демонстраційний доповідач: вигадана особа, що ілюструє програму конференції.",
        },
        "en": {
            "name": "Andrii Zrazok (demo)",
            "organisation": "Podillia Regional Development Agency",
            "bio": "Demo speaker: a fictional person illustrating the conference programme.",
        },
    },
    {
        "key": "speaker-demo",
        "uk": {
            "name": "Марія Демо (демо)",
            "organisation": "Національний центр електронного урядування",
            "bio": "Демонстраційна доповідачка: вигадана особа, що ілюструє програму конференції.",
        },
        "en": {
            "name": "Mariia Demo (demo)",
            "organisation": "National E-Government Centre",
            "bio": "Demo speaker: a fictional person illustrating the conference programme.",
        },
    },
]

CONFERENCE_DAY = "2013-10-17"
ROOMS_EN = {"Велика зала": "Main hall", "Мала зала": "Small hall"}
CONFERENCE_SESSIONS = [
    ("09:30", "10:00", "", [], "Реєстрація учасників", "Registration of participants", "", ""),
    (
        "10:00",
        "10:30",
        "Велика зала",
        ["speaker-pryklad"],
        "Відкриття конференції",
        "Opening of the conference",
        "Мета проєкту: систематизація регіональних розробок та створення депозитарію кращих практик.",
        "The project's aim: to systematise regional developments and build a depository of best practices.",
    ),
    (
        "10:30",
        "12:00",
        "Велика зала",
        ["speaker-zrazok"],
        "Результати Національного конкурсу кейсів кращих практик",
        "Results of the National Contest of best-practice cases",
        "Номінації, критерії оцінки та кейси-переможці конкурсу.",
        "Nominations, evaluation criteria and the winning cases of the contest.",
    ),
    (
        "12:30",
        "14:00",
        "Велика зала",
        ["speaker-demo"],
        "Депозитарій кращих практик електронного врядування",
        "The depository of e-governance best practices",
        "Презентація сайту депозитарію: класифікатор, пошук кейсів і відкриті дані.",
        "A tour of the depository website: the classifier, finding cases and the open data.",
    ),
    (
        "14:30",
        "16:00",
        "Мала зала",
        ["speaker-pryklad", "speaker-zrazok", "speaker-demo"],
        "Панельна дискусія: пропозиції та рекомендації для Уряду",
        "Panel: proposals and recommendations to the Government",
        "Кращі регіональні практики впровадження електронного врядування: проблеми та перспективи.",
        "Best regional e-governance practices: problems and prospects.",
    ),
    ("16:00", "16:30", "Велика зала", [], "Підсумки та закриття", "Conclusions and closing", "", ""),
]


def at(text):
    """A Kyiv-time moment from ``YYYY-MM-DD HH:MM``."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=EVENT_TIME_ZONE)


def rich_text(paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


EVENTS = [
    {
        "key": "coordination-meeting-1",
        "slug": "coordination-meeting-1",
        "kind": "meeting",
        "start": "2013-01-29 11:00",
        "end": "2013-01-29 15:00",
        "uk": {
            "title": "Перша координаційна зустріч партнерів проєкту",
            "intro": "Початок роботи коаліції партнерів: організація роботи та створення Робочої експертної групи.",
            "city": "Київ",
            "body": [
                "Учасники: Асоціація «Міста електронного врядування України», Асоціація міст України, "
                "Національний центр електронного урядування та регіональні партнери з Вінниці й Миколаєва.",
                "Очікуваний результат: спільне розуміння завдань проєкту, способи комунікації та контактні особи.",
            ],
        },
        "en": {
            "title": "First coordination meeting of the project partners",
            "intro": "The coalition of partners starts work and forms the Expert Working Group.",
            "city": "Kyiv",
            "body": [
                "Participants: the Association “E-Governance Cities of Ukraine”, the Association of Ukrainian "
                "Cities, the National E-Government Centre and the regional partners from Vinnytsia and Mykolaiv.",
                "Expected result: a shared understanding of the project's tasks, ways of communication and contacts.",
            ],
        },
    },
    {
        "key": "coordination-meeting-2",
        "slug": "coordination-meeting-2",
        "kind": "meeting",
        "start": "2013-04-16 11:00",
        "end": "2013-04-16 15:00",
        "uk": {
            "title": "Друга координаційна зустріч партнерів проєкту",
            "intro": "Обговорення методологічних матеріалів і ходу Національного конкурсу кейсів кращих практик.",
            "city": "Вінниця",
            "body": [
                "На порядку денному: класифікатор «Е-врядування на регіональному рівні», положення про конкурс, "
                "критерії оцінки кейсів і структура кейсу кращих практик.",
            ],
        },
        "en": {
            "title": "Second coordination meeting of the project partners",
            "intro": "The methodology and the progress of the National Contest of best-practice cases.",
            "city": "Vinnytsia",
            "body": [
                "On the agenda: the classifier “E-governance at the regional level”, the contest regulations, "
                "the evaluation criteria and the structure of a best-practice case.",
            ],
        },
    },
    {
        "key": "coordination-meeting-3",
        "slug": "coordination-meeting-3",
        "kind": "meeting",
        "start": "2013-09-19 11:00",
        "end": "2013-09-19 15:00",
        "uk": {
            "title": "Третя координаційна зустріч партнерів проєкту",
            "intro": "Підготовка конференції та аналітичних рекомендацій для Уряду України.",
            "city": "Миколаїв",
            "body": [
                "На порядку денному: програма всеукраїнської конференції, аналітичний матеріал «Кращі регіональні "
                "практики впровадження електронного врядування: проблеми та перспективи» та цільові розсилки.",
            ],
        },
        "en": {
            "title": "Third coordination meeting of the project partners",
            "intro": "Preparing the conference and the analytical recommendations to the Government of Ukraine.",
            "city": "Mykolaiv",
            "body": [
                "On the agenda: the programme of the all-Ukrainian conference, the analytical report “Best regional "
                "e-governance practices: problems and prospects” and the targeted mailings.",
            ],
        },
    },
    {
        "key": "conference-2013",
        "slug": "conference-2013",
        "kind": "conference",
        "start": "2013-10-17 09:30",
        "end": "2013-10-17 16:30",
        "registration_open": True,
        "capacity": 150,
        "sessions": CONFERENCE_SESSIONS,
        "uk": {
            "title": "Е-врядування в Україні – шлях до відкритості",
            "intro": "Всеукраїнська конференція: результати Національного конкурсу кейсів кращих практик "
            "і депозитарій кращих практик електронного врядування.",
            "city": "Київ",
            "body": [
                "Конференція підсумовує проєкт «Створення депозитарію кращих практик електронного врядування на "
                "регіональному рівні України». Її учасники — органи місцевого самоврядування, органи виконавчої "
                "влади, експерти та громадські активісти.",
            ],
        },
        "en": {
            "title": "E-governance in Ukraine: the road to openness",
            "intro": "An all-Ukrainian conference: the results of the National Contest of best-practice cases "
            "and the depository of e-governance best practices.",
            "city": "Kyiv",
            "body": [
                "The conference concludes the project “Creating a depository of e-governance best practices at the "
                "regional level of Ukraine”. Its participants are local self-government bodies, executive "
                "authorities, experts and civic activists.",
            ],
        },
    },
    {
        "key": "webinar-2027",
        "slug": "webinar-describing-a-case",
        "kind": "webinar",
        "start": "2027-03-18 11:00",
        "end": "2027-03-18 12:30",
        "online_url": "https://example.org/demo-webinar",
        "registration_open": True,
        "capacity": 100,
        "registration_closes_at": "2027-03-17 18:00",
        "uk": {
            "title": "Вебінар: як описати кейс кращої практики (демо)",
            "intro": "Демонстраційний вебінар для громад: як підготувати опис кейсу для депозитарію.",
            "city": "",
            "body": ["Розглянемо структуру кейсу, вимірювані результати та документи, які варто додати."],
        },
        "en": {
            "title": "Webinar: how to describe a best-practice case (demo)",
            "intro": "A demo webinar for communities: how to prepare a case description for the depository.",
            "city": "",
            "body": ["We go through the structure of a case, measurable results and the documents worth adding."],
        },
    },
]

SPEAKER_FIELDS = ("name", "organisation", "bio")
INDEX_FIELDS = ("title", "slug", "intro", "show_in_menus", "is_demo")
EVENT_FIELDS = INDEX_FIELDS + (
    "kind",
    "start",
    "end",
    "city",
    "online_url",
    "registration_open",
    "capacity",
    "registration_closes_at",
)


def page_state(page):
    fields = EVENT_FIELDS if isinstance(page, EventPage) else INDEX_FIELDS
    streams = ("body", "sessions") if isinstance(page, EventPage) else ("body",)
    return tuple(getattr(page, name) for name in fields) + tuple(
        json.dumps(getattr(page, name).get_prep_value(), sort_keys=True, default=str) for name in streams
    )


def ensure_speakers(locales):
    """The demo speakers in every language; returns ``{(key, language): speaker}``."""
    speakers = {}
    for entry in SPEAKERS:
        for code in LANGUAGES:
            fields = entry[code]
            key = demo_uuid("events", entry["key"])
            speaker = Speaker.objects.filter(translation_key=key, locale=locales[code]).first()
            if speaker is None:
                speaker = Speaker.objects.create(translation_key=key, locale=locales[code], **fields)
            elif any(getattr(speaker, name) != fields[name] for name in SPEAKER_FIELDS):
                for name in SPEAKER_FIELDS:
                    setattr(speaker, name, fields[name])
                speaker.save()
            speakers[entry["key"], code] = speaker
    return speakers


def session_stream(entry, code, speakers):
    blocks = []
    for position, (start, end, room, keys, title_uk, title_en, text_uk, text_en) in enumerate(entry["sessions"]):
        block_id = str(demo_uuid("events", entry["key"], code, "session", str(position)))
        value = {
            "date": CONFERENCE_DAY,
            "start_time": f"{start}:00",
            "end_time": f"{end}:00",
            "room": room if code == "uk" else ROOMS_EN.get(room, room),
            "title": title_uk if code == "uk" else title_en,
            "speakers": [
                {"type": "item", "value": speakers[key, code].pk, "id": str(demo_uuid(block_id, key))} for key in keys
            ],
            "description": text_uk if code == "uk" else text_en,
        }
        blocks.append({"type": "session", "value": value, "id": block_id})
    return blocks


def body_stream(key, code, paragraphs):
    return [{"type": "rich_text", "value": rich_text(paragraphs), "id": str(demo_uuid("events", key, code, "body"))}]


@transaction.atomic
def load_demo_events(stdout):
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    speakers = ensure_speakers(locales)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for code in LANGUAGES:
        home = HomePage.objects.filter(locale=locales[code]).order_by("pk").first()
        index_fields = {**INDEX[code], "slug": INDEX["slug"], "show_in_menus": True, "is_demo": True}
        index, outcome = ensure_demo_page(
            EventIndexPage, demo_uuid("events", INDEX["key"]), home, locales[code], index_fields, state=page_state
        )
        counts[outcome] += 1

        for entry in EVENTS:
            content = entry[code]
            closes = entry.get("registration_closes_at")
            fields = {
                "title": content["title"],
                "slug": entry["slug"],
                "intro": content["intro"],
                "show_in_menus": False,
                "is_demo": True,
                "kind": entry["kind"],
                "start": at(entry["start"]),
                "end": at(entry["end"]),
                "city": content["city"],
                "online_url": entry.get("online_url", ""),
                "registration_open": entry.get("registration_open", False),
                "capacity": entry.get("capacity"),
                "registration_closes_at": at(closes) if closes else None,
                "body": body_stream(entry["key"], code, content["body"]),
                "sessions": session_stream(entry, code, speakers) if "sessions" in entry else [],
            }
            _page, outcome = ensure_demo_page(
                EventPage, demo_uuid("events", entry["key"]), index, locales[code], fields, state=page_state
            )
            counts[outcome] += 1
    stdout.write(_("Demo events: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % counts + "\n")
