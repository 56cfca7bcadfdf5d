import pytest

from practices.models import Region
from tests.factories import CaseLibraryPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(site_tree):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    return [
        CasePageFactory(parent=library, key="queue", categories=["e-services/e-queue"], year=2011),
        CasePageFactory(
            parent=library,
            key="budget",
            region=Region.objects.get(code="UA-53"),
            categories=["e-democracy/participatory-budgeting"],
            contact_name="Ірина",
            contact_public=False,
            year=2015,
        ),
    ]


def api(client, **params):
    response = client.get("/api/v2/pages/", {"type": "practices.CasePage", "fields": "*", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_cases_carry_region_and_categories_as_objects(client, cases):
    (item,) = api(client, key="queue")

    assert item["region"] == {"code": "UA-05", "name": "Вінницька область"}
    assert item["categories"] == [
        {"slug": "e-queue", "path": "e-services/e-queue", "name": "Електронна черга та запис на прийом"}
    ]
    assert item["year"] == 2011


def test_region_names_follow_the_requested_locale(client, cases):
    (item,) = api(client, key="queue", locale="en") or [None]
    # No English translation exists: the filter returns nothing rather than the Ukrainian case.
    assert item is None


@pytest.mark.parametrize(
    ("params", "keys"),
    [
        ({"region_code": "UA-53"}, {"budget"}),
        ({"category": "e-democracy"}, {"budget"}),
        ({"category": "e-services/e-queue"}, {"queue"}),
        ({"level": "city", "year": "2011"}, {"queue"}),
    ],
)
def test_cases_filter_by_region_category_level_and_year(client, cases, params, keys):
    assert {item["key"] for item in api(client, **params)} == keys


def test_category_filter_needs_the_case_type(client, cases):
    response = client.get("/api/v2/pages/", {"category": "e-democracy"})

    assert response.status_code == 400


def test_drafts_and_private_contacts_never_leave_the_api(client, cases):
    cases[0].unpublish()

    items = api(client)

    assert {item["key"] for item in items} == {"budget"}
    assert items[0]["contact"] is None
    assert client.get(f"/api/v2/pages/{cases[0].pk}/").status_code == 404
