"""The API's OpenAPI schema: valid, complete, in both languages, with its documentation page."""

import pytest
from bs4 import BeautifulSoup
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = {
    "/api/v2/pages/",
    "/api/v2/pages/{id}/",
    "/api/v2/pages/find/",
    "/api/v2/images/",
    "/api/v2/images/{id}/",
    "/api/v2/documents/",
    "/api/v2/documents/{id}/",
    "/api/v2/search/",
    "/api/v2/search/suggest/",
    "/api/v2/page_preview/",
    "/api/v2/opendata/catalog.jsonld",
    "/api/v2/opendata/catalog.rdf",
    "/api/v2/opendata/catalog.ttl",
    "/api/v2/opendata/cases.csv",
    "/api/v2/opendata/cases.jsonl",
    "/api/v2/events/calendar.ics",
}


def schema(client, **params):
    response = client.get("/api/schema/", {"format": "json", **params})
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_and_lists_every_public_endpoint(client):
    document = schema(client)

    validate(document)
    assert document["openapi"].startswith("3.")
    assert PUBLIC_PATHS <= set(document["paths"])
    assert not [path for path in document["paths"] if not path.startswith("/api/")], "the admin's API is not public"


def test_each_page_type_is_described_with_its_own_fields(client):
    components = schema(client)["components"]["schemas"]

    case = components["PracticesCasePage"]
    assert {"key", "region", "categories", "adopted_by", "contact", "problem"} <= set(case["properties"])
    assert case["properties"]["region"]["properties"]["code"] == {"type": "string"}
    assert case["additionalProperties"] is False
    assert set(components["PracticesCasePageMeta"]["properties"]) >= {"type", "html_url", "locale", "slug"}
    assert "registrations" not in components["EventsEventPage"]["properties"], "personal data is not in the API"


def test_listing_items_are_one_of_the_page_types_and_errors_have_one_shape(client):
    operation = schema(client)["paths"]["/api/v2/pages/"]["get"]

    items = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["items"]["items"]
    assert {"$ref": "#/components/schemas/PracticesCasePage"} in items["anyOf"]
    error = operation["responses"]["400"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/Error"}
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"type", "locale", "fields", "search", "category", "region_code", "child_of"} <= parameters


def test_the_schema_speaks_the_requested_language(client):
    english = schema(client, lang="en")["paths"]["/api/v2/search/"]["get"]
    ukrainian = schema(client, lang="uk")["paths"]["/api/v2/search/"]["get"]

    assert english["summary"] == "Search the site"
    assert ukrainian["summary"] == "Пошук на сайті"
    assert "Version 2 is stable" in schema(client, lang="en")["info"]["description"]


def test_the_documentation_page_is_served_from_the_site_without_inline_scripts(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    sources = [tag.get("src") or tag.get("href") for tag in page.find_all(["script", "link"])]
    assert sources and all(source.startswith("/") for source in sources if source), sources
    assert not [tag for tag in page.find_all("script") if not tag.get("src")], "CSP forbids inline scripts"
    for source in filter(None, sources):
        assert client.get(source).status_code == 200, source


@pytest.mark.parametrize(("language", "heading"), [("uk", "Документація API"), ("en", "API documentation")])
def test_the_documentation_page_speaks_the_requested_language(client, language, heading):
    page = BeautifulSoup(client.get("/api/docs/", {"lang": language}).content, "html.parser")

    assert page.html["lang"] == language
    assert page.title.text.startswith(heading)
    (script,) = [tag["src"] for tag in page.find_all("script") if "script" in tag["src"]]
    assert f"lang={language}" in script
