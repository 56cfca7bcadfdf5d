"""Demo coalition from the 2013 plan: its partners, a sample expert group and an about page showing both.

The partner organisations are the ones the plan names; the experts are invented and say so in
their names. Every record has a translation key derived from its demo key, so a second run finds
what the first made and changes only what differs.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.demo import demo_uuid, ensure_demo_page, stream_data
from home.models import StandardPage

from .models import Expert, Partner, PartnersPage

LANGUAGES = ("uk", "en")
COORDINATOR, PARTNER, DONOR = Partner.Role.COORDINATOR, Partner.Role.PARTNER, Partner.Role.DONOR

PARTNERS = [
    {
        "key": "egov-cities",
        "role": COORDINATOR,
        "url": "",
        "uk": (
            "Асоціація органів місцевого самоврядування «Міста електронного врядування України»",
            "Виконавець проєкту: організовує роботу коаліції партнерів і Робочої експертної групи.",
        ),
        "en": (
            "Association of local self-government bodies “E-Governance Cities of Ukraine”",
            "The project's executor: organises the work of the coalition and of the expert working group.",
        ),
    },
    {
        "key": "auc",
        "role": PARTNER,
        "url": "https://www.auc.org.ua/",
        "uk": ("Асоціація міст України", "Партнер проєкту, представники якого входять до Робочої експертної групи."),
        "en": (
            "Association of Ukrainian Cities",
            "A project partner whose representatives join the expert working group.",
        ),
    },
    {
        "key": "ncegov",
        "role": PARTNER,
        "url": "",
        "uk": (
            "Національний центр електронного урядування",
            "Виконавець V етапу (вебсайт депозитарію), співвиконавець III і VI етапів.",
        ),
        "en": (
            "National E-Government Centre",
            "Responsible for stage V (the depository website); shares stages III and VI.",
        ),
    },
    {
        "key": "podillia-agency",
        "role": PARTNER,
        "url": "",
        "uk": (
            "ГО «Подільська агенція регіонального розвитку» (м. Вінниця)",
            "Виконавець II етапу: методологічні матеріали, класифікатор, критерії оцінки та структура кейсу.",
        ),
        "en": (
            "NGO “Podillia Regional Development Agency” (Vinnytsia)",
            "Responsible for stage II: the methodology, the classifier, the evaluation criteria and the case "
            "structure.",
        ),
    },
    {
        "key": "mykolaiv-foundation",
        "role": PARTNER,
        "url": "",
        "uk": ("МГО «Фонд розвитку м. Миколаєва»", "Регіональний партнер проєкту."),
        "en": ("International NGO “Mykolaiv Development Foundation”", "A regional partner of the project."),
    },
    {
        "key": "private-initiative",
        "role": PARTNER,
        "url": "",
        "uk": ("ГО «Агентство приватної ініціативи»", "Партнер проєкту, названий у плані дій."),
        "en": ("NGO “Private Initiative Agency”", "A project partner named in the action plan."),
    },
    {
        "key": "irf",
        "role": DONOR,
        "url": "https://www.irf.ua/",
        "uk": ("Міжнародний фонд «Відродження»", "Проєкт виконується за підтримки фонду."),
        "en": ("International Renaissance Foundation", "The project is carried out with the Foundation's support."),
    },
]

# Invented people: the names say "demo" so that nobody takes them for the real group.
EXPERTS = [
    {
        "key": "expert-services",
        "active": True,
        "uk": ("Олена Приклад (демо)", "Асоціація міст України", "експертка з електронних послуг"),
        "en": ("Olena Pryklad (demo)", "Association of Ukrainian Cities", "expert in electronic services"),
    },
    {
        "key": "expert-democracy",
        "active": True,
        "uk": ("Андрій Зразок (демо)", "Національний центр електронного урядування", "аналітик з е-демократії"),
        "en": ("Andrii Zrazok (demo)", "National E-Government Centre", "e-democracy analyst"),
    },
    {
        "key": "expert-regions",
        "active": True,
        "uk": ("Ірина Взірець (демо)", "ГО «Подільська агенція регіонального розвитку»", "регіональна координаторка"),
        "en": ("Iryna Vzirets (demo)", "NGO “Podillia Regional Development Agency”", "regional coordinator"),
    },
    {
        "key": "expert-former",
        "active": False,
        "uk": ("Петро Колишній (демо)", "МГО «Фонд розвитку м. Миколаєва»", "колишній член групи"),
        "en": ("Petro Kolyshnii (demo)", "International NGO “Mykolaiv Development Foundation”", "former member"),
    },
]

PAGE_KEY = "partners-coalition"
PAGE = {
    "slug": "coalition",
    "uk": {
        "title": "Коаліція та експертна група",
        "intro": "Організації, що реалізують проєкт, і Робоча експертна група — з каталогу партнерів депозитарію.",
        "body": [
            {"type": "partners", "value": {"title": "Виконавець проєкту", "role": COORDINATOR}},
            {"type": "partners", "value": {"title": "Партнери", "role": PARTNER}},
            {"type": "partners", "value": {"title": "Підтримка", "role": DONOR}},
            {
                "type": "experts",
                "value": {
                    "title": "Робоча експертна група",
                    "text": "Демонстраційний склад групи: імена вигадані, щоб показати, як виглядатиме сторінка.",
                },
            },
        ],
    },
    "en": {
        "title": "Coalition and expert group",
        "intro": "The organisations carrying out the project and the expert working group, from the depository's "
        "catalogue of partners.",
        "body": [
            {"type": "partners", "value": {"title": "Project executor", "role": COORDINATOR}},
            {"type": "partners", "value": {"title": "Partners", "role": PARTNER}},
            {"type": "partners", "value": {"title": "Support", "role": DONOR}},
            {
                "type": "experts",
                "value": {
                    "title": "Expert working group",
                    "text": "A demonstration line-up: the names are invented to show what the page will look like.",
                },
            },
        ],
    },
}


def save_if_changed(instance, **fields):
    """Set ``fields`` on ``instance`` and save it only when something differs; True when saved."""
    changed = instance.pk is None or any(getattr(instance, name) != value for name, value in fields.items())
    if changed:
        for name, value in fields.items():
            setattr(instance, name, value)
        instance.save()
    return changed


def ensure_snippet(model, key, locale, **fields):
    translation_key = demo_uuid("partners", key)
    instance = model.objects.filter(translation_key=translation_key, locale=locale).first()
    return save_if_changed(instance or model(translation_key=translation_key, locale=locale), **fields)


def ensure_page(locales):
    """The about page listing the coalition, under the demo "Project partners" page of each language."""
    saved = 0
    for code in LANGUAGES:
        parent = StandardPage.objects.filter(translation_key=demo_uuid("partners"), locale=locales[code]).first()
        if parent is None:
            continue
        fields = {
            "title": PAGE[code]["title"],
            "slug": PAGE["slug"],
            "intro": PAGE[code]["intro"],
            "body": stream_data(PAGE_KEY, code, PAGE[code]["body"], {}),
        }
        _page, outcome = ensure_demo_page(PartnersPage, demo_uuid(PAGE_KEY), parent, locales[code], fields)
        saved += outcome != "unchanged"
    return saved


@transaction.atomic
def load_demo_partners(stdout):
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    saved = 0
    for code in LANGUAGES:
        for entry in PARTNERS:
            name, description = entry[code]
            saved += ensure_snippet(
                Partner,
                entry["key"],
                locales[code],
                name=name,
                description=description,
                role=entry["role"],
                url=entry["url"],
                sort_order=PARTNERS.index(entry),
            )
        for entry in EXPERTS:
            name, organisation, position = entry[code]
            saved += ensure_snippet(
                Expert,
                entry["key"],
                locales[code],
                name=name,
                organisation=organisation,
                position=position,
                is_active=entry["active"],
                sort_order=EXPERTS.index(entry),
            )
    saved += ensure_page(locales)
    stdout.write(_("Demo partners and experts: %(saved)d saved.") % {"saved": saved} + "\n")
