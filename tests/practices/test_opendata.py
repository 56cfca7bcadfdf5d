"""The open-data catalogue of the case library: DCAT-AP for harvesters, ADMS-AP for each case."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils.http import http_date
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from practices.models import Organisation, Region
from tests.factories import CasePageFactory, translate

pytestmark = pytest.mark.django_db

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
FORMATS = {
    "/api/v2/opendata/catalog.jsonld": ("application/ld+json", "json-ld"),
    "/api/v2/opendata/catalog.rdf": ("application/rdf+xml", "xml"),
    "/api/v2/opendata/catalog.ttl": ("text/turtle", "turtle"),
}
JSONLD = "/api/v2/opendata/catalog.jsonld"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# The whole catalogue, whatever the number of cases: the state, the libraries, the classifier, the cases
# with their categories and tags, and the site's root paths.
QUERIES = 16


@pytest.fixture(autouse=True)
def no_cached_catalogue():
    """Each test builds its catalogue: the cache key is the moment of the last change, frozen here."""
    cache.clear()


@pytest.fixture
def libraries(library):
    return {"uk": library, "en": translate(library, "en", title="Case library")}


@pytest.fixture
def cases(libraries):
    with time_machine.travel(START, tick=False):
        queue = CasePageFactory(
            parent=libraries["uk"],
            key="vinnytsia-e-queue",
            title="Електронна черга у Вінниці",
            intro="Запис до черги в садочки онлайн.",
            community="Вінницька міська територіальна громада",
            categories=["e-services/e-queue"],
        )
        translate(queue, "en", title="E-queue in Vinnytsia", intro="Kindergarten queue online.", community="Vinnytsia")
        budget = CasePageFactory(
            parent=libraries["uk"],
            key="poltava-budget",
            title="Бюджет участі Полтави",
            region=Region.objects.get(code="UA-53"),
            organisation=Organisation.objects.create(name="Полтавська міська рада", website="https://rada.poltava.ua"),
            categories=["e-democracy/participatory-budgeting"],
        )
    return {"queue": queue, "budget": budget}


def catalogue(client, path=JSONLD, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.content
    graph = Graph()
    graph.parse(data=response.content, format=FORMATS[path][1], publicID=path)
    return graph


def one(graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def languages(graph, subject, predicate):
    return {value.language: str(value) for value in graph.objects(subject, predicate)}


def dataset_of(graph):
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1, "a harvester makes a portal dataset of each dcat:Dataset: only the library is one"
    return datasets[0]


def distributions(graph):
    return {
        distribution: one(graph, distribution, DCAT.downloadURL)
        for distribution in graph.objects(dataset_of(graph), DCAT.distribution)
    }


@pytest.mark.parametrize("path", FORMATS)
def test_every_format_describes_a_dcat_ap_catalogue_with_the_case_library(client, cases, path):
    response = client.get(path)
    graph = catalogue(client, path)

    assert response["Content-Type"].startswith(FORMATS[path][0])
    catalog = next(graph.subjects(DCAT.dataset, dataset_of(graph)))
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    assert languages(graph, catalog, DCTERMS.title) == {
        "uk": "Депозитарій кращих практик електронного врядування",
        "en": "Depository of e-governance best practices",
    }
    assert set(languages(graph, catalog, DCTERMS.description)) == {"uk", "en"}
    publisher = one(graph, catalog, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert "E-Governance Cities of Ukraine" in languages(graph, publisher, FOAF.name)["en"]
    assert one(graph, catalog, FOAF.homepage) == URIRef("http://127.0.0.1:8000/")
    assert set(graph.objects(catalog, DCTERMS.language)) == {URIRef(EU + "language/UKR"), URIRef(EU + "language/ENG")}
    assert one(graph, catalog, DCTERMS.modified).toPython() == START

    dataset = dataset_of(graph)
    assert languages(graph, dataset, DCTERMS.title)["en"] == "Case library of e-governance best practices"
    assert set(languages(graph, dataset, DCTERMS.description)) == {"uk", "en"}
    assert one(graph, dataset, DCTERMS.identifier) == Literal("case-library")
    assert one(graph, dataset, DCTERMS.publisher) == publisher
    contact = one(graph, dataset, DCAT.contactPoint)
    assert str(one(graph, contact, VCARD.hasEmail)).startswith("mailto:")
    assert one(graph, dataset, DCTERMS.issued).toPython() == START
    assert one(graph, dataset, DCTERMS.spatial) == URIRef(EU + "country/UKR")
    assert one(graph, dataset, DCTERMS.accrualPeriodicity) == URIRef(EU + "frequency/IRREG")
    assert one(graph, dataset, DCAT.landingPage) == URIRef("http://127.0.0.1:8000/uk/cases/")
    assert "e-governance" in {str(keyword) for keyword in graph.objects(dataset, DCAT.keyword)}
    for distribution in graph.objects(dataset, DCAT.distribution):
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        for predicate in (DCAT.accessURL, DCAT.downloadURL, DCTERMS.format, DCTERMS.license, DCTERMS.title):
            assert list(graph.objects(distribution, predicate)), (distribution, predicate)
        assert one(graph, distribution, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_the_csv_and_json_lines_downloads_of_each_language_are_distributions_that_answer(client, cases):
    graph = catalogue(client)

    listed = {
        (str(one(graph, distribution, DCTERMS.format)).rpartition("/")[2], str(url))
        for distribution, url in distributions(graph).items()
    }
    assert listed == {
        ("CSV", "http://127.0.0.1:8000/uk/cases/?format=csv"),
        ("JSON", "http://127.0.0.1:8000/uk/cases/?format=jsonl"),
        ("CSV", "http://127.0.0.1:8000/en/cases/?format=csv"),
        ("JSON", "http://127.0.0.1:8000/en/cases/?format=jsonl"),
    }
    for distribution, url in distributions(graph).items():
        address = urlsplit(str(url))
        response = client.get(f"{address.path}?{address.query}")
        body = b"".join(response.streaming_content).decode("utf-8-sig")
        assert response.status_code == 200
        expected = "text/csv" if address.query == "format=csv" else "application/x-ndjson"
        assert response["Content-Type"].startswith(expected)
        assert ("Вінниці" if "/uk/" in address.path else "Vinnytsia") in body
        if expected == "text/csv":
            assert one(graph, distribution, DCAT.mediaType) == URIRef(
                "https://www.iana.org/assignments/media-types/text/csv"
            )
        language = one(graph, distribution, DCTERMS.language)
        assert language == URIRef(EU + ("language/UKR" if "/uk/" in address.path else "language/ENG"))


def test_themes_map_from_the_classifier(client, cases):
    graph = catalogue(client)
    base = "http://127.0.0.1:8000/api/v2/opendata/catalog.jsonld"
    queue, queue_parent = URIRef(f"{base}#category/e-services/e-queue"), URIRef(f"{base}#category/e-services")
    budget = URIRef(f"{base}#category/e-democracy/participatory-budgeting")

    dataset = dataset_of(graph)
    assert {URIRef(EU + "data-theme/GOVE"), queue, budget} == set(graph.objects(dataset, DCAT.theme))
    scheme = one(graph, queue, SKOS.inScheme)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    catalog = next(graph.subjects(DCAT.dataset, dataset))
    assert set(graph.objects(catalog, DCAT.themeTaxonomy)) == {scheme, URIRef(EU + "data-theme")}
    assert languages(graph, queue, SKOS.prefLabel) == {
        "uk": "Електронна черга та запис на прийом",
        "en": "Electronic queue and appointments",
    }
    assert one(graph, queue, SKOS.broader) == queue_parent
    assert (scheme, SKOS.hasTopConcept, queue_parent) in graph
    asset = URIRef(f"{base}#case-vinnytsia-e-queue")
    assert set(graph.objects(asset, DCAT.theme)) == {queue, URIRef(EU + "data-theme/GOVE")}


def test_each_live_case_is_an_adms_solution_in_a_catalogue_of_solutions(client, cases):
    graph = catalogue(client, "/api/v2/opendata/catalog.ttl")

    assets = {str(one(graph, asset, DCTERMS.identifier)): asset for asset in graph.subjects(RDF.type, ADMS.Asset)}
    assert set(assets) == {"vinnytsia-e-queue", "poltava-budget"}
    queue = assets["vinnytsia-e-queue"]
    assert languages(graph, queue, DCTERMS.title) == {"uk": "Електронна черга у Вінниці", "en": "E-queue in Vinnytsia"}
    assert languages(graph, queue, DCTERMS.description)["en"] == "Kindergarten queue online."
    assert {str(page) for page in graph.objects(queue, DCAT.landingPage)} == {
        "http://127.0.0.1:8000/uk/cases/vinnytsia-e-queue/",
        "http://127.0.0.1:8000/en/cases/vinnytsia-e-queue/",
    }
    owner = one(graph, queue, DCTERMS.publisher)
    assert languages(graph, owner, FOAF.name) == {"uk": "Вінницька міська територіальна громада", "en": "Vinnytsia"}
    region = next(place for place in graph.objects(queue, DCTERMS.spatial) if place != URIRef(EU + "country/UKR"))
    assert one(graph, region, SKOS.notation) == Literal("UA-05")
    assert languages(graph, region, SKOS.prefLabel) == {"uk": "Вінницька область", "en": "Vinnytsia Oblast"}
    assert one(graph, queue, DCTERMS.modified).toPython() == START
    assert one(graph, queue, ADMS.status) == URIRef("http://purl.org/adms/status/Completed")
    budget_owner = one(graph, assets["poltava-budget"], DCTERMS.publisher)
    assert languages(graph, budget_owner, FOAF.name) == {"uk": "Полтавська міська рада"}
    assert one(graph, budget_owner, FOAF.homepage) == URIRef("https://rada.poltava.ua")

    solutions = next(graph.subjects(DCAT.dataset, queue))
    assert (solutions, RDF.type, DCAT.Catalog) in graph
    assert set(languages(graph, solutions, DCTERMS.title)) == {"uk", "en"}
    catalog = next(graph.subjects(DCAT.dataset, dataset_of(graph)))
    assert (catalog, DCAT.catalog, solutions) in graph


def test_a_case_that_is_not_live_is_not_listed(client, libraries, cases):
    assert "poltava-budget" in client.get("/api/v2/opendata/catalog.rdf").content.decode()  # and cached
    cases["budget"].unpublish()
    CasePageFactory(parent=libraries["uk"], key="draft-case").unpublish()

    graph = catalogue(client, "/api/v2/opendata/catalog.rdf")

    keys = {str(one(graph, asset, DCTERMS.identifier)) for asset in graph.subjects(RDF.type, ADMS.Asset)}
    assert keys == {"vinnytsia-e-queue"}
    assert not list(graph.triples((None, None, Literal("Бюджет участі Полтави", lang="uk"))))


def test_an_unchanged_catalogue_answers_304_and_a_publication_changes_it(client, libraries, cases):
    first = client.get(JSONLD)
    assert first["Last-Modified"] == http_date(START.timestamp())

    for path in FORMATS:
        assert client.get(path, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304

    with time_machine.travel(START + timedelta(days=1), tick=False):
        CasePageFactory(parent=libraries["uk"], key="new-case")
    changed = client.get(JSONLD, headers={"If-Modified-Since": first["Last-Modified"]})
    assert changed.status_code == 200
    assert changed["Last-Modified"] == http_date((START + timedelta(days=1)).timestamp())


def test_unpublishing_a_case_changes_the_catalogue(client, cases):
    since = client.get(JSONLD)["Last-Modified"]

    with time_machine.travel(START + timedelta(hours=2), tick=False):
        cases["budget"].unpublish()

    assert client.get(JSONLD, headers={"If-Modified-Since": since}).status_code == 200


@pytest.mark.parametrize(
    "query, field", [("format=csv", "format"), ("page=%C2%B2", "page"), ("q=x", "q"), ("locale=", "locale")]
)
def test_a_query_parameter_answers_400_in_the_error_shape(client, cases, query, field):
    for path in FORMATS:
        response = client.get(f"{path}?{query}")

        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert set(body) == {"error", "field"}
        assert body["field"] == field


def test_the_address_decides_the_format_whatever_the_client_accepts(client, cases):
    response = client.get("/api/v2/opendata/catalog.ttl", headers={"Accept": "application/json"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/turtle")


def test_other_methods_answer_405_in_the_error_shape(client, cases):
    response = client.post(JSONLD)

    assert response.status_code == 405
    assert set(response.json()) == {"error", "field"}


@pytest.mark.parametrize("count", [1, 12])
def test_the_catalogue_reads_the_library_in_a_fixed_number_of_queries(
    client, libraries, django_assert_num_queries, count
):
    for number in range(count):
        case = CasePageFactory(parent=libraries["uk"], categories=["e-services/e-queue", "openness"])
        case.tags.add(f"tag-{number}")
        case.save_revision().publish()
        translate(case, "en", title=f"Case {number}")

    with django_assert_num_queries(QUERIES):
        graph = catalogue(client)

    assert len(list(graph.subjects(RDF.type, ADMS.Asset))) == count


@pytest.mark.parametrize("language_code", ["uk", "en"])
def test_the_library_page_links_the_catalogue(client, libraries, language_code):
    soup = BeautifulSoup(client.get(f"/{language_code}/cases/").content, "html.parser")

    alternates = {link["type"]: link["href"] for link in soup.select('link[rel="alternate"][type]')}
    assert alternates["application/ld+json"].endswith("/api/v2/opendata/catalog.jsonld")
    assert alternates["application/rdf+xml"].endswith("/api/v2/opendata/catalog.rdf")
    section = soup.select_one("#open-data")
    link = section.find("a", href=lambda href: href and href.endswith("/api/v2/opendata/catalog.jsonld"))
    assert link is not None
    assert ("DCAT" in section.get_text()) and (
        ("порталів" in section.get_text()) if language_code == "uk" else ("portals" in section.get_text())
    )
