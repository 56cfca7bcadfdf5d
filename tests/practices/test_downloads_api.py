"""The library's downloads at stable API addresses: the page's filters, and a 400 naming a bad one."""

import csv
import io
import json

import pytest

from practices.models import Region
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(library):
    return [
        CasePageFactory(parent=library, key="queue", categories=["e-services/e-queue"]),
        CasePageFactory(parent=library, key="budget", region=Region.objects.get(code="UA-53")),
    ]


def test_the_csv_lists_the_live_cases_of_the_language(client, cases):
    response = client.get("/api/v2/opendata/cases.csv", {"locale": "uk"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {row["key"] for row in rows} == {"queue", "budget"}


def test_the_json_lines_follow_the_filters_and_default_to_ukrainian(client, cases):
    response = client.get("/api/v2/opendata/cases.jsonl", {"region": "UA-53"})

    assert response["Content-Type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [record["key"] for record in records] == ["budget"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"region": "UA-99"}, "region"),
        ({"category": "no-such-category"}, "category"),
        ({"year_from": "twenty"}, "year_from"),
        ({"locale": "de"}, "locale"),
        ({"format": "csv"}, "format"),
    ],
)
def test_a_bad_parameter_answers_400_naming_it(client, cases, query, field):
    response = client.get("/api/v2/opendata/cases.csv", query)

    assert response.status_code == 400
    assert response.json()["field"] == field


def test_a_language_without_a_library_answers_404_in_the_error_shape(client, cases):
    response = client.get("/api/v2/opendata/cases.jsonl", {"locale": "en"})

    assert response.status_code == 404
    assert response.json() == {"error": "Бібліотеку кейсів цією мовою не опубліковано.", "field": None}
