"""Demo publications of stage VI of the 2013 plan: the analytical report and the recommendations.

Both languages, linked as translations. Each publication carries a small PDF made here, marked
as a demo file; a second run finds the files by their content hash and the pages by their
translation keys, and changes only what differs.
"""

import datetime
import json
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from home.demo import demo_uuid, ensure_demo_page, page_state, stream_data
from home.models import HomePage

from .models import Kind, PublicationDocument, PublicationIndexPage, PublicationPage

LANGUAGES = ("uk", "en")

INDEX = {
    "key": "publications",
    "slug": "publications",
    "uk": {
        "title": "Публікації",
        "intro": "Аналітичні матеріали проєкту та пропозиції й рекомендації для Уряду України, міністерств і відомств.",
    },
    "en": {
        "title": "Publications",
        "intro": "The project's analytical materials, and proposals and recommendations for the Government of "
        "Ukraine, its ministries and agencies.",
    },
}

EXECUTORS = {
    "uk": ["Національний центр електронного урядування", "Асоціація «Міста електронного врядування України»"],
    "en": ["National E-Government Centre", "“E-Governance Cities of Ukraine” association"],
}
ADDRESSEES = {
    "uk": [
        "Кабінет Міністрів України",
        "Державне агентство з питань електронного урядування України",
        "Міністерство регіонального розвитку, будівництва та житлово-комунального господарства України",
    ],
    "en": [
        "Cabinet of Ministers of Ukraine",
        "State Agency for E-Governance of Ukraine",
        "Ministry of Regional Development, Construction, Housing and Communal Services of Ukraine",
    ],
}

PUBLICATIONS = [
    {
        "key": "publication-report-2013",
        "slug": "best-regional-practices-report",
        "kind": Kind.REPORT,
        "date": datetime.date(2013, 10, 15),
        "file": ("best-regional-practices-2013-demo.pdf", "Best regional e-governance practices (demo file)"),
        "uk": {
            "title": "Кращі регіональні практики впровадження електронного врядування: проблеми та перспективи",
            "document_title": "Кращі регіональні практики впровадження електронного врядування (демонстраційний файл)",
            "intro": "Аналітичний матеріал VI етапу проєкту: узагальнення кейсів національного конкурсу.",
            "authors": [("organisation", name) for name in EXECUTORS["uk"]] + [("person", "Олена Приклад (демо)")],
            "summary": "<p>Експертно-аналітична група узагальнює зібрані кейси, описує перешкоди для поширення "
            "кращих практик і пропонує шляхи їх подолання. Текст і файл — демонстраційні.</p>",
            "body": [
                {"type": "heading", "value": {"text": "Що в матеріалі", "level": "h2"}},
                {
                    "type": "rich_text",
                    "value": "<ul><li>Огляд кейсів за класифікатором «Е-врядування на регіональному рівні».</li>"
                    "<li>Проблеми впровадження: фінансування, кадри, сумісність систем.</li>"
                    "<li>Перспективи тиражування рішень в інших громадах.</li></ul>",
                },
            ],
        },
        "en": {
            "title": "Best regional e-governance practices: problems and prospects",
            "document_title": "Best regional e-governance practices (demo file)",
            "intro": "The analytical material of the project's stage VI: a synthesis of the national contest's cases.",
            "authors": [("organisation", name) for name in EXECUTORS["en"]] + [("person", "Olena Pryklad (demo)")],
            "summary": "<p>The expert and analytical group sums up the collected cases, describes what holds "
            "back the spread of best practices and proposes ways to overcome it. Text and file are a demo.</p>",
            "body": [
                {"type": "heading", "value": {"text": "What the material covers", "level": "h2"}},
                {
                    "type": "rich_text",
                    "value": "<ul><li>A review of the cases by the classifier “E-governance at the regional "
                    "level”.</li><li>Problems of implementation: funding, staff, interoperability.</li>"
                    "<li>Prospects of replicating solutions in other communities.</li></ul>",
                },
            ],
        },
    },
    {
        "key": "publication-recommendations-2013",
        "slug": "recommendations-to-the-government",
        "kind": Kind.RECOMMENDATIONS,
        "date": datetime.date(2013, 10, 30),
        "file": ("recommendations-2013-demo.pdf", "Recommendations to the Government of Ukraine (demo file)"),
        "uk": {
            "document_title": "Рекомендації Уряду України (демонстраційний файл)",
            "title": "Пропозиції та рекомендації Уряду України щодо впровадження електронного врядування",
            "intro": "Рекомендації, які направляються у відповідні міністерства та відомства за результатами "
            "аналізу кращих практик.",
            "authors": [("organisation", name) for name in EXECUTORS["uk"]],
            "summary": "<p>Пропозиції щодо покращення ситуації у сфері впровадження інформаційних технологій "
            "в органах влади. Демонстраційний текст.</p>",
            "body": [],
        },
        "en": {
            "document_title": "Recommendations to the Government of Ukraine (demo file)",
            "title": "Proposals and recommendations to the Government of Ukraine on e-governance",
            "intro": "Recommendations sent to the relevant ministries and agencies after the analysis of best "
            "practices.",
            "authors": [("organisation", name) for name in EXECUTORS["en"]],
            "summary": "<p>Proposals to improve the use of information technologies by public authorities. "
            "Demo text.</p>",
            "body": [],
        },
    },
]


def demo_pdf(text):
    """A one-page PDF showing ``text`` (ASCII), built by hand so that the demo needs no PDF library."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


def ensure_document(filename, text, title):
    """The demo file, found by its content so that a second run reuses it."""
    data = demo_pdf(text)
    file_hash = hash_filelike(BytesIO(data))
    Document = get_document_model()
    document = Document.objects.filter(file_hash=file_hash).first()
    if document is None:
        document = Document(
            title=title, file=ContentFile(data, name=filename), file_size=len(data), file_hash=file_hash
        )
        document.save()
    return document


def ensure_page(model, key, parent, locale, slug, state, **fields):
    """Create the page once, then publish it only when ``fields`` change what ``state`` reads."""
    page, outcome = ensure_demo_page(model, demo_uuid(key), parent, locale, {"slug": slug, **fields}, state=state)
    return page, outcome != "unchanged"


def publication_state(page):
    return (
        *page_state(page),
        page.kind,
        page.publication_date,
        page.summary,
        json.dumps(page.authors.get_prep_value(), sort_keys=True),
        json.dumps(page.addressees.get_prep_value(), sort_keys=True),
        [(item.document_id, item.title) for item in page.documents.all()],
    )


@transaction.atomic
def load_demo_publications(stdout):
    saved = 0
    for home in HomePage.objects.filter(locale__language_code__in=LANGUAGES).select_related("locale"):
        code = home.locale.language_code
        index, changed = ensure_page(
            PublicationIndexPage,
            INDEX["key"],
            home,
            home.locale,
            INDEX["slug"],
            page_state,
            title=INDEX[code]["title"],
            intro=INDEX[code]["intro"],
            show_in_menus=True,
        )
        saved += changed
        for entry in PUBLICATIONS:
            content = entry[code]
            document = ensure_document(*entry["file"], entry["uk"]["document_title"])
            _page, changed = ensure_page(
                PublicationPage,
                entry["key"],
                index,
                home.locale,
                entry["slug"],
                publication_state,
                title=content["title"],
                intro=content["intro"],
                kind=entry["kind"],
                publication_date=entry["date"],
                summary=content["summary"],
                authors=[
                    {"type": kind, "value": name, "id": str(demo_uuid(entry["key"], code, "author", str(number)))}
                    for number, (kind, name) in enumerate(content["authors"])
                ],
                addressees=[
                    {"type": "addressee", "value": name, "id": str(demo_uuid(entry["key"], code, "to", str(number)))}
                    for number, name in enumerate(ADDRESSEES[code])
                ],
                body=stream_data(entry["key"], code, content["body"], {}),
                # The file's title is Ukrainian; the English row names it in English.
                documents=[
                    PublicationDocument(
                        document=document,
                        title=content["document_title"],
                        translation_key=demo_uuid(entry["key"], "document"),
                    )
                ],
            )
            saved += changed
    stdout.write(_("Demo publications: %(saved)d pages published.") % {"saved": saved} + "\n")
