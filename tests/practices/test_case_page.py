import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from practices.models import CaseIndicator, Region, StatisticsPage
from tests.factories import CasePageFactory, PageFactory

pytestmark = pytest.mark.django_db


class StatisticsPageFactory(PageFactory):
    title = "Статистика"
    slug = "statistics"

    class Meta:
        model = StatisticsPage


def page_html(client, page):
    response = client.get(page.get_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_case_page_shows_breadcrumbs_facts_and_adoptions(client, library):
    case = CasePageFactory(parent=library, title="Е-черга", adopted_by=["Кременчук", "Лубни"])

    html = page_html(client, case)

    assert [link.get_text() for link in html.select(".breadcrumbs a")] == ["Головна", "Бібліотека кейсів"]
    assert html.select_one(".case__facts").find("a", href="/uk/cases/?region=UA-05")
    assert html.select_one("#replication-title").get_text() == "Прийняли 2 громади"


def test_contact_is_shown_only_with_consent(client, library):
    case = CasePageFactory(parent=library, contact_name="Олена Петренко", contact_email="olena@example.org")

    assert "Олена Петренко" not in str(page_html(client, case))
    case.contact_public = True
    case.save_revision().publish()
    assert "Олена Петренко" in str(page_html(client, case))


def test_related_cases_share_categories_or_region(client, library):
    case = CasePageFactory(parent=library, categories=["e-democracy/e-petitions"])
    same_category = CasePageFactory(
        parent=library, title="Петиції Полтава", region=Region.objects.get(code="UA-53"), categories=["e-democracy"]
    )
    same_region = CasePageFactory(parent=library, title="Wi-Fi Вінниця", categories=["infrastructure/connectivity"])
    unrelated = CasePageFactory(
        parent=library, title="ГІС Львів", region=Region.objects.get(code="UA-46"), categories=["sectors/e-health"]
    )

    related = {link.get_text() for link in page_html(client, case).select(".related h3 a")}

    assert same_region.title in related
    assert unrelated.title not in related
    assert same_category.title not in related  # e-democracy (top level) is not e-democracy/e-petitions


def test_case_page_makes_a_bounded_number_of_queries(client, library, django_assert_max_num_queries):
    case = CasePageFactory(parent=library, adopted_by=[f"Громада {n}" for n in range(20)])
    for number in range(20):
        CaseIndicator.objects.create(page=case, label=f"Показник {number}", value="1")
        CasePageFactory(parent=library)

    with django_assert_max_num_queries(45):
        page_html(client, case)


def test_statistics_count_by_region_category_and_year(client, site_tree, library):
    CasePageFactory(parent=library, categories=["e-democracy/e-petitions"], year=2016)
    CasePageFactory(parent=library, categories=["e-democracy", "e-democracy/e-petitions"], year=2016)
    CasePageFactory(parent=library, region=Region.objects.get(code="UA-53"), year=2015)
    statistics = StatisticsPageFactory(parent=site_tree.home_uk)

    html = page_html(client, statistics)

    rows = {
        row.th.get_text(strip=True): row.find_all("td")[-1].get_text()
        for row in html.select("#map-title ~ div tbody tr")
    }
    assert rows["Вінницька область"] == "2"
    assert rows["Полтавська область"] == "1"
    assert html.find("a", href="/uk/cases/?region=UA-05").find("title").get_text() == "Вінницька область: 2"
    charts = html.select("table.bar-chart")
    categories = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in charts[0].select("tbody tr")}
    assert categories["Електронна демократія"] == "2"
    years = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in charts[1].select("tbody tr")}
    assert years == {"2015": "1", "2016": "2"}


def test_home_page_shows_latest_and_featured_cases(client, site_tree, library):
    CasePageFactory(parent=library, title="Звичайний")
    CasePageFactory(parent=library, title="Обраний", featured=True)

    html = page_html(client, site_tree.home_uk)

    assert "Обраний" in html.select_one('section[aria-labelledby="featured-cases-title"]').get_text()
    assert "Звичайний" in html.select_one('section[aria-labelledby="latest-cases-title"]').get_text()


def make_document(name):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    return Document.objects.create(title=name, file=ContentFile(b"\x00" * 16, name=name))


def test_uploaded_video_file_plays_on_the_case_page(client, library):
    case = CasePageFactory(parent=library, video_file=make_document("clip.mp4"))

    video = page_html(client, case).select_one("video")

    assert video["src"].endswith("clip.mp4")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"video_file": "clip.pdf"}, "MP4, WebM"),
        ({"video_file": "clip.mp4", "video_url": "https://youtu.be/dQw4w9WgXcQ"}, "not both"),
    ],
)
def test_video_file_must_be_a_video_and_not_beside_an_address(library, fields, message):
    from django.core.exceptions import ValidationError

    case = CasePageFactory(parent=library)
    case.video_file = make_document(fields["video_file"])
    case.video_url = fields.get("video_url", "")

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            case.full_clean()
        assert message in str(error.value)


def test_a_printed_case_uses_the_print_stylesheet_and_ends_with_its_address(client, library, settings):
    settings.SITE_URL = "https://depository.example.org"
    case = CasePageFactory(parent=library, title="Е-черга")

    html = page_html(client, case)

    (stylesheet,) = html.select("link[rel=stylesheet][media=print]")
    assert stylesheet["href"].endswith("css/print.css")
    address = html.select_one("main .print-address")
    assert address.get_text(" ", strip=True).endswith(f"https://depository.example.org{case.get_url()}")
    assert address is html.select("main > *")[-1]


def test_the_print_stylesheet_hides_what_works_only_on_a_screen(settings):
    rules = (settings.BASE_DIR / "site" / "static" / "css" / "print.css").read_text()

    hidden = re.search(r"([^{}]+)\{ display: none !important; \}", rules).group(1)
    for selector in (".main-menu", ".site-footer", ".library__facets", ".language-switcher", "button", "iframe"):
        assert selector in {name.strip() for name in hidden.split(",")}
    assert 'a[href^="https://"]::after { content: " (" attr(href) ")"' in rules
    assert "break-inside: avoid" in rules
