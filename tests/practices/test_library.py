import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from practices.models import Region
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def facet_counts(response, facet):
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one(f'section[aria-labelledby="facet-{facet}"]')
    return {
        link.get_text(strip=True): int(link.find_next_sibling("span").get_text())
        for link in section.select("a")
        if link.find_next_sibling("span")
    }


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {link.get_text(strip=True) for link in soup.select(".library__results .card h3 a")}


@pytest.fixture
def cases(library):
    return [
        CasePageFactory(parent=library, title="Черга Вінниця", categories=["e-services/e-queue"], year=2011),
        CasePageFactory(parent=library, title="Петиції Вінниця", categories=["e-democracy/e-petitions"], year=2016),
        CasePageFactory(
            parent=library,
            title="Бюджет Полтава",
            region=Region.objects.get(code="UA-53"),
            categories=["e-democracy/participatory-budgeting"],
            year=2015,
            award="winner",
            adopted_by=["Кременчук"],
        ),
    ]


def test_library_lists_live_cases_with_facet_counts(client, cases):
    response = client.get("/uk/cases/")

    assert titles(response) == {"Черга Вінниця", "Петиції Вінниця", "Бюджет Полтава"}
    categories = facet_counts(response, "category")
    assert categories["Електронні послуги"] == 1
    assert categories["Електронна демократія"] == 2
    assert categories["Електронні петиції"] == 1
    assert facet_counts(response, "region") == {"Вінницька область": 2, "Полтавська область": 1}


def test_filters_combine_and_each_facet_counts_the_other_filters(client, cases):
    response = client.get("/uk/cases/", {"category": "e-democracy", "region": "UA-05"})

    assert titles(response) == {"Петиції Вінниця"}
    # The region facet ignores the region filter: it says what each region would give.
    assert facet_counts(response, "region") == {"Вінницька область": 1, "Полтавська область": 1}
    # The category facet ignores the category filter.
    assert facet_counts(response, "category")["Електронні послуги"] == 1


@pytest.mark.parametrize(
    ("query", "toggle"),
    [
        ({}, "Фільтри"),
        ({"sort": "title"}, "Фільтри"),
        ({"category": "e-democracy", "year_from": "2015", "year_to": "2016"}, "Фільтри (активних: 2)"),
    ],
    ids=["none", "sort-only", "category-and-years"],
)
def test_the_folded_filters_say_how_many_are_active(client, cases, query, toggle):
    soup = BeautifulSoup(client.get("/uk/cases/", query).content, "html.parser")

    filters = soup.select_one(".library__facets details.library__filters")
    assert not filters.has_attr("open")
    assert filters.select_one("summary").get_text(strip=True) == toggle
    assert filters.select_one("section.facet[aria-labelledby=facet-region]")


def test_year_range_award_and_adoption_filters(client, cases):
    assert titles(client.get("/uk/cases/", {"year_from": "2015", "year_to": "2016"})) == {
        "Петиції Вінниця",
        "Бюджет Полтава",
    }
    assert titles(client.get("/uk/cases/", {"award": "winner"})) == {"Бюджет Полтава"}
    assert titles(client.get("/uk/cases/", {"adopted": "1"})) == {"Бюджет Полтава"}


def test_sorting_by_title_and_adoption(client, cases):
    soup = BeautifulSoup(client.get("/uk/cases/", {"sort": "adopted"}).content, "html.parser")

    assert soup.select(".library__results .card h3 a")[0].get_text() == "Бюджет Полтава"


@pytest.mark.parametrize("query", [{"category": "no-such"}, {"region": "UA-99"}, {"year_from": "x"}, {"sort": "evil"}])
def test_unknown_filter_values_are_left_out_and_said(client, cases, query):
    response = client.get("/uk/cases/", query)

    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert "не розпізнано" in response.content.decode()


def test_empty_result_explains_and_offers_to_clear(client, cases):
    response = client.get("/uk/cases/", {"category": "sectors/e-health"})

    assert titles(response) == set()
    assert "Жоден кейс" in response.content.decode()


def test_drafts_never_appear(client, library, cases):
    draft = cases[0]
    draft.unpublish()

    assert "Черга Вінниця" not in titles(client.get("/uk/cases/"))
    assert client.get(draft.url_path.replace("/home", "/uk", 1)).status_code == 404


def test_library_makes_a_bounded_number_of_queries(client, library, django_assert_max_num_queries):
    for _ in range(30):
        CasePageFactory(parent=library, adopted_by=["A", "B"], categories=["e-services/e-queue", "openness"])

    with django_assert_max_num_queries(40):
        assert client.get("/uk/cases/").status_code == 200


def test_downloads_follow_the_filters_and_keep_private_contacts_private(client, cases):
    cases[0].contact_name = "Приватна Особа"
    cases[0].save_revision().publish()

    jsonl = b"".join(client.get("/uk/cases/", {"region": "UA-05", "format": "jsonl"}).streaming_content).decode()
    records = [json.loads(line) for line in jsonl.splitlines()]
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(client.get("/uk/cases/", {"format": "csv"}).streaming_content).decode("utf-8-sig"))
        )
    )

    assert {record["title"] for record in records} == {"Черга Вінниця", "Петиції Вінниця"}
    assert "contact" not in json.dumps(records) and "Приватна Особа" not in jsonl
    assert {row["title"] for row in rows} == {"Черга Вінниця", "Петиції Вінниця", "Бюджет Полтава"}
    assert next(row for row in rows if row["title"] == "Бюджет Полтава")["adopted_by"] == "Кременчук"


def test_the_csv_download_neutralises_formulas(client, library):
    CasePageFactory(parent=library, title='=HYPERLINK("http://evil","Кейс")')

    response = client.get("/uk/cases/", {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))

    assert [row["title"] for row in rows] == ['\'=HYPERLINK("http://evil","Кейс")']
    assert rows[0]["year"] == "2015"


def test_map_counts_the_filtered_cases_and_keeps_the_filters_in_its_links(client, cases):
    soup = BeautifulSoup(client.get("/uk/cases/", {"award": "winner"}).content, "html.parser")

    tiles = {tile.find("title").get_text(): tile["href"] for tile in soup.select(".library__map svg a")}

    assert "Полтавська область: 1" in tiles and "Вінницька область: 0" in tiles
    assert tiles["Полтавська область: 1"] == "/uk/cases/?award=winner&region=UA-53"
