"""Demo news and the video gallery, in both languages, told from the 2013 project plan.

Pages get translation keys derived from their demo keys (``home.demo.demo_uuid``), so a second run
finds what the first one made and publishes only what differs: no duplicates, no new revisions.
"""

import json
from datetime import date

from django.utils.translation import gettext as _

from home.demo import demo_uuid, ensure_demo_page
from home.models import HomePage
from practices.models import CasePage

from .models import NewsIndexPage, NewsPage, NewsRelatedCase, VideoGalleryPage

# Big Buck Bunny (Blender Foundation, CC BY): an openly licensed film standing in for a case clip.
DEMO_VIDEO_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"

INDEX = {
    "uk": {
        "title": "Новини",
        "intro": "Новини проєкту: коаліція партнерів, конкурс кейсів, конференція, аналітика та відеоролики.",
    },
    "en": {
        "title": "News",
        "intro": "News of the project: the coalition of partners, the contest of cases, the conference, "
        "analysis and video clips.",
    },
}
GALLERY = {
    "uk": {"title": "Відео", "intro": "Відеоролики про кращі практики електронного врядування з усього сайту."},
    "en": {"title": "Videos", "intro": "Video clips about best practices of e-governance from across the site."},
}
# Every demo clip says it is one: the film stands in for the project's clips about cases.
VIDEO_CAPTION = {
    "uk": "Демонстраційний вміст: відкритий фільм Blender Foundation «Big Buck Bunny» замість ролика про кейс.",
    "en": "Demo content: the Blender Foundation's open film “Big Buck Bunny” stands in for a case clip.",
}

NEWS = [
    {
        "key": "project-launch",
        "date": date(2013, 1, 29),
        "cases": [],
        "video": None,
        "uk": {
            "title": "Стартував проєкт «Створення депозитарію кращих практик електронного врядування»",
            "intro": "Асоціація «Міста електронного врядування України» за підтримки Міжнародного фонду "
            "«Відродження» розпочала проєкт зі створення депозитарію кращих регіональних практик.",
            "text": "Мета проєкту — систематизувати регіональні розробки, програми та інформаційно-комунікаційні "
            "технології для ефективного управління, електронних сервісів і розвитку електронної демократії.",
            "tags": ["проєкт", "депозитарій"],
        },
        "en": {
            "title": "The project “Creating a depository of e-governance best practices” has started",
            "intro": "The Association “E-Governance Cities of Ukraine”, supported by the International "
            "Renaissance Foundation, has started a project to build a depository of the best regional practices.",
            "text": "The project sets out to systematise regional developments, programmes and information "
            "technologies for effective management, electronic services and e-democracy.",
            "tags": ["project", "depository"],
        },
    },
    {
        "key": "coalition-memorandum",
        "date": date(2013, 2, 5),
        "cases": [],
        "video": None,
        "uk": {
            "title": "Партнери коаліції підписали меморандум про співпрацю",
            "intro": "На першій координаційній зустрічі партнери проєкту підписали меморандум і створили "
            "робочу експертну групу.",
            "text": "До коаліції увійшли Асоціація міст України, Національний центр електронного урядування, "
            "Подільська агенція регіонального розвитку (Вінниця), Фонд розвитку м. Миколаєва та Агентство "
            "приватної ініціативи. Партнери погодили план спільних дій і способи комунікації.",
            "tags": ["коаліція", "партнери"],
        },
        "en": {
            "title": "Coalition partners sign a memorandum of cooperation",
            "intro": "At the first coordination meeting the project partners signed a memorandum and set up an "
            "expert working group.",
            "text": "The coalition brings together the Association of Ukrainian Cities, the National E-Government "
            "Centre, the Podillia Regional Development Agency (Vinnytsia), the Mykolaiv Development Fund and the "
            "Private Initiative Agency. The partners agreed a joint action plan and how they will communicate.",
            "tags": ["coalition", "partners"],
        },
    },
    {
        "key": "contest-announced",
        "date": date(2013, 3, 15),
        "cases": ["vinnytsia-e-queue", "mykolaiv-e-petitions"],
        "video": {
            "uk": "Демонстраційне відео: як подати кейс на конкурс",
            "en": "Demo video: how to submit a case to the contest",
        },
        "uk": {
            "title": "Оголошено національний конкурс кейсів кращих практик електронного врядування",
            "intro": "Органи місцевого самоврядування та виконавчої влади можуть подати свої кейси до конкурсу "
            "до кінця травня.",
            "text": "Положення про конкурс, критерії оцінки кейсів і реєстраційну форму розробили партнери "
            "проєкту. Учасникам доступні консультації під час підготовки кейсів.",
            "tags": ["конкурс", "кейси"],
        },
        "en": {
            "title": "National contest of e-governance best-practice cases announced",
            "intro": "Local self-government bodies and executive authorities can submit their cases to the "
            "contest until the end of May.",
            "text": "The project partners prepared the contest regulations, the evaluation criteria and the "
            "registration form. Participants can get advice while they prepare their cases.",
            "tags": ["contest", "cases"],
        },
    },
    {
        "key": "case-videos",
        "date": date(2013, 9, 20),
        "cases": ["vinnytsia-e-queue"],
        "video": {
            "uk": "Демонстраційне відео: ролик про кейс для регіонального телебачення",
            "en": "Demo video: a clip about a case for regional television",
        },
        "uk": {
            "title": "Відеоролики про кращі практики покажуть регіональні телеканали",
            "intro": "Проєкт готує відеоролики про кейси «Кращі практики впровадження ІТ на регіональних рівнях "
            "України» для регіонального телебачення.",
            "text": "Ролики розповідають, як громади впровадили електронні сервіси, і допомагають іншим містам "
            "повторити їхній досвід.",
            "tags": ["відео", "кейси"],
        },
        "en": {
            "title": "Regional TV channels to show video clips about best practices",
            "intro": "The project is preparing video clips about cases, “Best practices of IT in the regions of "
            "Ukraine”, for regional television.",
            "text": "The clips show how communities introduced electronic services and help other cities repeat "
            "what they did.",
            "tags": ["video", "cases"],
        },
    },
    {
        "key": "conference-held",
        "date": date(2013, 10, 17),
        "cases": ["lviv-open-data-portal"],
        "video": None,
        "uk": {
            "title": "Відбулася конференція «Електронне врядування в Україні – шлях до відкритості»",
            "intro": "Всеукраїнська конференція в Києві зібрала представників міст, органів влади та "
            "громадських організацій.",
            "text": "Учасники обговорили результати конкурсу кейсів, а переможці представили свої практики.",
            "tags": ["конференція", "конкурс"],
        },
        "en": {
            "title": "Conference “E-governance in Ukraine: the way to openness” held",
            "intro": "The all-Ukrainian conference in Kyiv brought together cities, government bodies and civic "
            "organisations.",
            "text": "Participants discussed the results of the contest of cases, and the winners presented their "
            "practices.",
            "tags": ["conference", "contest"],
        },
    },
    {
        "key": "report-published",
        "date": date(2013, 10, 31),
        "cases": [],
        "video": None,
        "uk": {
            "title": "Опубліковано аналітичний матеріал про кращі регіональні практики",
            "intro": "Аналітичний матеріал «Кращі регіональні практики впровадження електронного врядування: "
            "проблеми та перспективи» надіслано до міністерств і відомств.",
            "text": "Експертно-аналітична група узагальнила інформацію про кейси та підготувала рекомендації для "
            "Уряду. Підготовлено та направлено не менше 25 цільових розсилок.",
            "tags": ["аналітика", "рекомендації"],
        },
        "en": {
            "title": "Analytical report on the best regional practices published",
            "intro": "The report “Best regional e-governance practices: problems and prospects” has been sent to "
            "ministries and agencies.",
            "text": "The expert group summarised what the cases show and prepared recommendations to the "
            "Government. At least 25 targeted mailings have been sent.",
            "tags": ["analysis", "recommendations"],
        },
    },
]


def page_state(page):
    return (
        page.title,
        page.slug,
        page.intro,
        page.show_in_menus,
        getattr(page, "date", None),
        json.dumps(page.body.get_prep_value(), sort_keys=True),
        sorted(tag.name for tag in page.tags.all()) if isinstance(page, NewsPage) else [],
        [row.case_id for row in page.related_cases.all()] if isinstance(page, NewsPage) else [],
    )


def ensure_page(parent, model, key, locale, slug, fields, tags=(), cases=()):
    """Create or update one demo page of the newsroom; return it and whether it is new."""

    def news_relations(page):
        page.tags.set(list(tags))
        page.related_cases = [NewsRelatedCase(case=case) for case in cases]

    page, outcome = ensure_demo_page(
        model,
        demo_uuid("news", key),
        parent,
        locale,
        {"slug": slug, **fields},
        state=page_state,
        relations=news_relations if model is NewsPage else None,
    )
    return page, outcome == "created"


def body(key, code, item):
    blocks = [{"type": "rich_text", "value": f"<p>{item[code]['text']}</p>"}]
    if item["video"]:
        video = {"url": DEMO_VIDEO_URL, "title": item["video"][code], "caption": VIDEO_CAPTION[code]}
        blocks.append({"type": "video", "value": video})
    return [{**block, "id": str(demo_uuid("news", key, code, str(n)))} for n, block in enumerate(blocks)]


def load_demo_news(stdout):
    created = 0
    for home in HomePage.objects.order_by("pk").select_related("locale"):
        locale = home.locale
        code = locale.language_code
        if code not in INDEX:
            continue
        index, new = ensure_page(home, NewsIndexPage, "index", locale, "news", {**INDEX[code], "show_in_menus": True})
        created += new
        _gallery, new = ensure_page(
            home, VideoGalleryPage, "gallery", locale, "videos", {**GALLERY[code], "show_in_menus": True}
        )
        created += new
        for item in NEWS:
            cases = {case.key: case for case in CasePage.objects.filter(key__in=item["cases"], locale=locale)}
            fields = {
                "title": item[code]["title"],
                "intro": item[code]["intro"],
                "date": item["date"],
                "body": body(item["key"], code, item),
            }
            _page, new = ensure_page(
                index,
                NewsPage,
                item["key"],
                locale,
                item["key"],
                fields,
                tags=item[code]["tags"],
                cases=[cases[key] for key in item["cases"] if key in cases],
            )
            created += new
    stdout.write(_("Demo news and videos: %(created)d pages created.") % {"created": created} + "\n")
