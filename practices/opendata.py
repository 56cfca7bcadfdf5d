"""The case library as open data that catalogues harvest: DCAT-AP for the dataset, ADMS-AP for each case.

The national open-data portal runs CKAN with ckanext-dcat, whose harvester reads a DCAT catalogue and
makes a portal dataset of every ``dcat:Dataset`` in it. So the graph holds one catalogue with one
dataset, the case library, whose distributions are the library page's CSV and JSON Lines downloads
in each language (``practices/downloads.py``). Each case is an interoperability solution in the sense
of ADMS-AP (as Joinup describes reusable solutions): an ``adms:Asset`` in a second catalogue, the
repository of solutions, which the first links with ``dcat:catalog``. ``adms:Asset`` is a kind of
``dcat:Dataset`` in ADMS, but it is typed as an asset only, so the portal, which does no inference,
takes the one dataset and not thousands of cases as datasets; a catalogue of solutions reads the assets.

One description serves every serialization (JSON-LD, RDF/XML, Turtle). Its identifiers are fragments
of the JSON-LD document's address (``…/catalog.jsonld#case-library``), stable whichever format is
read; a case is ``#case-<key>``, its key being the same in every language. The whole library is read
in a fixed number of queries, whatever its size.
"""

from itertools import groupby

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Min, Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS
from wagtail.models import PageLogEntry

from home.site_url import absolute_url, page_url

from .downloads import FORMATS
from .interchange import EXPORT_CHUNK_SIZE
from .models import CaseCategory, CaseLibraryPage, CasePage, Category, Status

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
DATA_THEME = URIRef(EU + "data-theme")
GOVERNMENT_THEME = URIRef(EU + "data-theme/GOVE")
UKRAINE = URIRef(EU + "country/UKR")
LANGUAGE_URIS = {"uk": URIRef(EU + "language/UKR"), "en": URIRef(EU + "language/ENG")}
FREQUENCY = URIRef(EU + "frequency/IRREG")  # cases are published as editors finish them
FILE_TYPES = {"csv": URIRef(EU + "file-type/CSV"), "jsonl": URIRef(EU + "file-type/JSON")}
# IANA registers text/csv; JSON Lines has no registered media type, so it states the lines' rules instead.
MEDIA_TYPES = {"csv": URIRef("https://www.iana.org/assignments/media-types/text/csv")}
CONFORMS_TO = {"jsonl": URIRef("https://jsonlines.org/")}
FORMAT_LABELS = {"csv": "CSV", "jsonl": "JSON Lines"}
ADMS_STATUS = {
    Status.PILOT: URIRef("http://purl.org/adms/status/UnderDevelopment"),
    Status.ACTIVE: URIRef("http://purl.org/adms/status/Completed"),
    Status.DISCONTINUED: URIRef("http://purl.org/adms/status/Deprecated"),
}
# Unpublishing or deleting a case changes the catalogue as much as publishing one does.
WITHDRAWALS = ("wagtail.unpublish", "wagtail.delete")
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
PREFIXES = {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "skos": SKOS, "vcard": VCARD, "adms": ADMS, "xsd": XSD}

PUBLISHER = _("Association of local self-government bodies “E-Governance Cities of Ukraine”")
CATALOG_TITLE = _("Depository of e-governance best practices")
CATALOG_DESCRIPTION = _(
    "Open data of the depository of e-governance best practices of Ukrainian cities, towns, villages and "
    "territorial communities."
)
DATASET_TITLE = _("Case library of e-governance best practices")
DATASET_DESCRIPTION = _(
    "Every published case of the depository: what a community did, how, with what results and how to "
    "repeat it, with its region, community level, year, categories of the classifier and the communities "
    "that adopted it. Contacts appear only where the person agreed to be shown."
)
SOLUTIONS_TITLE = _("E-governance solutions of Ukrainian communities")
SOLUTIONS_DESCRIPTION = _(
    "Each case of the depository as a reusable interoperability solution, with its publisher, region and categories."
)
CLASSIFIER_TITLE = _("Classifier “E-governance at the regional level”")
KEYWORDS = (_("e-governance"), _("best practices"), _("local self-government"), _("digital transformation"))
DOWNLOAD_TITLES = {"uk": _("The cases in Ukrainian"), "en": _("The cases in English")}


def catalog_uri():
    """The address of the JSON-LD description, of which every node of the graph is a fragment."""
    return absolute_url(reverse("opendata_catalog_jsonld"))


def in_languages(text):
    """``text`` (a lazy translation) as one literal per language of the site."""
    literals = []
    for language_code in LANGUAGES:
        with translation.override(language_code):
            literals.append(Literal(str(text), lang=language_code))
    return literals


def date_time(value):
    return Literal(value.isoformat(), datatype=XSD.dateTime)


def live_cases():
    """Every live, public case in every language."""
    return CasePage.objects.live().public()


def last_modified(request=None):
    """When the catalogue last changed: the newest publication, unpublication or deletion of a case.

    Read once a request (the conditional GET asks first, the answer's cache key next).
    """
    if request is not None and hasattr(request, "_opendata_last_modified"):
        return request._opendata_last_modified
    published = live_cases().aggregate(newest=Max("last_published_at"))["newest"]
    withdrawn = PageLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(CasePage), action__in=WITHDRAWALS
    ).aggregate(newest=Max("timestamp"))["newest"]
    moments = [moment for moment in (published, withdrawn) if moment]
    newest = max(moments) if moments else None
    if request is not None:
        request._opendata_last_modified = newest
    return newest


class CatalogGraph:
    """Builds the graph of the catalogue, the dataset with its distributions and the cases as solutions."""

    def __init__(self, request):
        self.request = request
        self.base = catalog_uri()
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def node(self, name):
        return URIRef(f"{self.base}#{name}")

    def add(self, subject, predicate, *objects):
        for value in objects:
            if isinstance(value, (list, tuple)):
                self.add(subject, predicate, *value)
            elif value is not None and value != "":
                self.graph.add((subject, predicate, value))

    def build(self):
        cases = (
            live_cases()
            .select_related("locale", "region", "organisation", "adapted_from")
            .prefetch_related(
                Prefetch("case_categories", queryset=CaseCategory.objects.select_related("category__parent")),
                "tagged_items__tag",
            )
            .order_by("key")
        )
        libraries = {
            library.locale.language_code: library
            for library in CaseLibraryPage.objects.live().public().select_related("locale")
        }
        issued = live_cases().aggregate(issued=Min("first_published_at"))["issued"]
        modified = last_modified(self.request)

        self.publisher = self.agent()
        themes = self.classifier()
        catalog, dataset, solutions = self.node("catalog"), self.node("case-library"), self.node("solutions")
        self.catalog(catalog, dataset, solutions, modified)
        self.dataset(dataset, libraries, issued, modified)
        self.add(solutions, RDF.type, DCAT.Catalog)
        self.add(solutions, DCTERMS.title, in_languages(SOLUTIONS_TITLE))
        self.add(solutions, DCTERMS.description, in_languages(SOLUTIONS_DESCRIPTION))
        self.add(solutions, DCTERMS.publisher, self.publisher)
        self.add(solutions, DCAT.themeTaxonomy, self.node("classifier"))
        first_library = next((libraries[code] for code in LANGUAGES if code in libraries), None)
        if first_library:
            self.add(solutions, FOAF.homepage, URIRef(page_url(first_library, self.request)))
        self.add(solutions, DCTERMS.language, *LANGUAGE_URIS.values())
        self.add(solutions, DCTERMS.license, URIRef(settings.OPEN_DATA_LICENSE_URL))
        self.add(solutions, DCTERMS.modified, date_time(modified) if modified else None)

        used_themes = set()
        for key, translations in groupby(cases.iterator(chunk_size=EXPORT_CHUNK_SIZE), key=lambda case: case.key):
            asset = self.asset(key, list(translations), themes)
            self.add(solutions, DCAT.dataset, asset)
            used_themes.update(self.graph.objects(asset, DCAT.theme))
        self.add(dataset, DCAT.theme, sorted(used_themes))
        return self.graph

    def agent(self):
        publisher = self.node("publisher")
        self.add(publisher, RDF.type, FOAF.Agent)
        self.add(publisher, FOAF.name, in_languages(PUBLISHER))
        self.add(publisher, FOAF.homepage, URIRef(absolute_url("/")))
        return publisher

    def classifier(self):
        """The classifier as a SKOS concept scheme; answers the concept of each category path."""
        scheme = self.node("classifier")
        self.add(scheme, RDF.type, SKOS.ConceptScheme)
        self.add(scheme, DCTERMS.title, in_languages(CLASSIFIER_TITLE))
        self.add(scheme, SKOS.prefLabel, in_languages(CLASSIFIER_TITLE))
        concepts = {}
        for category in Category.objects.select_related("parent", "locale"):
            concept = concepts.setdefault(category.path, self.node(f"category/{category.path}"))
            self.add(concept, RDF.type, SKOS.Concept)
            self.add(concept, SKOS.prefLabel, Literal(category.name, lang=category.locale.language_code))
            self.add(concept, SKOS.notation, Literal(category.path))
            self.add(concept, SKOS.inScheme, scheme)
            if category.parent_id:
                self.add(concept, SKOS.broader, self.node(f"category/{category.parent.slug}"))
            else:
                self.add(concept, SKOS.topConceptOf, scheme)
                self.add(scheme, SKOS.hasTopConcept, concept)
        return concepts

    def catalog(self, catalog, dataset, solutions, modified):
        self.add(catalog, RDF.type, DCAT.Catalog)
        self.add(catalog, DCTERMS.title, in_languages(CATALOG_TITLE))
        self.add(catalog, DCTERMS.description, in_languages(CATALOG_DESCRIPTION))
        self.add(catalog, DCTERMS.publisher, self.publisher)
        self.add(catalog, FOAF.homepage, URIRef(absolute_url("/")))
        self.add(catalog, DCTERMS.language, *LANGUAGE_URIS.values())
        self.add(catalog, DCTERMS.spatial, UKRAINE)
        self.add(catalog, DCTERMS.license, URIRef(settings.OPEN_DATA_LICENSE_URL))
        self.add(catalog, DCTERMS.modified, date_time(modified) if modified else None)
        self.add(catalog, DCAT.themeTaxonomy, DATA_THEME, self.node("classifier"))
        self.add(catalog, DCAT.dataset, dataset)
        self.add(catalog, DCAT.catalog, solutions)

    def dataset(self, dataset, libraries, issued, modified):
        self.add(dataset, RDF.type, DCAT.Dataset)
        self.add(dataset, DCTERMS.title, in_languages(DATASET_TITLE))
        self.add(dataset, DCTERMS.description, in_languages(DATASET_DESCRIPTION))
        self.add(dataset, DCTERMS.identifier, Literal("case-library"))
        self.add(dataset, DCTERMS.publisher, self.publisher)
        self.add(dataset, DCAT.contactPoint, self.contact_point())
        self.add(dataset, DCTERMS.issued, date_time(issued) if issued else None)
        self.add(dataset, DCTERMS.modified, date_time(modified) if modified else None)
        self.add(dataset, DCAT.theme, GOVERNMENT_THEME)
        self.add(dataset, DCTERMS.spatial, UKRAINE)
        self.add(dataset, DCTERMS.accrualPeriodicity, FREQUENCY)
        self.add(dataset, DCTERMS.language, *(LANGUAGE_URIS[code] for code in libraries))
        for keyword in KEYWORDS:
            self.add(dataset, DCAT.keyword, in_languages(keyword))
        # One landing page (a harvester keeps one): the library in the first language that has one.
        landing_page = DCAT.landingPage
        for language_code in LANGUAGES:
            library = libraries.get(language_code)
            if library is None:
                continue
            url = page_url(library, self.request)
            self.add(dataset, landing_page, URIRef(url))
            landing_page = FOAF.page
            for file_format in FORMATS:
                self.add(dataset, DCAT.distribution, self.distribution(url, language_code, file_format, modified))

    def contact_point(self):
        contact = self.node("contact")
        self.add(contact, RDF.type, VCARD.Organization)
        self.add(contact, VCARD.fn, in_languages(PUBLISHER))
        self.add(contact, VCARD.hasEmail, URIRef(f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}"))
        self.add(contact, VCARD.hasURL, URIRef(absolute_url("/")))
        return contact

    def distribution(self, library_url, language_code, file_format, modified):
        distribution = self.node(f"distribution-{file_format}-{language_code}")
        self.add(distribution, RDF.type, DCAT.Distribution)
        for title in in_languages(DOWNLOAD_TITLES[language_code]):
            self.add(
                distribution, DCTERMS.title, Literal(f"{title} ({FORMAT_LABELS[file_format]})", lang=title.language)
            )
        self.add(distribution, DCAT.accessURL, URIRef(library_url))
        self.add(distribution, DCAT.downloadURL, URIRef(f"{library_url}?format={file_format}"))
        self.add(distribution, DCTERMS.format, FILE_TYPES[file_format])
        self.add(distribution, DCAT.mediaType, MEDIA_TYPES.get(file_format))
        self.add(distribution, DCTERMS.conformsTo, CONFORMS_TO.get(file_format))
        self.add(distribution, DCTERMS.license, URIRef(settings.OPEN_DATA_LICENSE_URL))
        self.add(distribution, DCTERMS.language, LANGUAGE_URIS[language_code])
        self.add(distribution, DCTERMS.modified, date_time(modified) if modified else None)
        return distribution

    def region(self, region):
        location = self.node(f"region/{region.code}")
        if (location, RDF.type, DCTERMS.Location) not in self.graph:
            self.add(location, RDF.type, DCTERMS.Location)
            self.add(location, SKOS.prefLabel, Literal(region.name_uk, lang="uk"), Literal(region.name_en, lang="en"))
            self.add(location, SKOS.notation, Literal(region.code))  # ISO 3166-2:UA
            self.add(location, DCTERMS.isPartOf, UKRAINE)
        return location

    def owner(self, key, translations):
        """The implementing body where it is known, else the community, else the depository's publisher."""
        organisations = [(case, case.organisation) for case in translations if case.organisation]
        if organisations:
            agent = self.node(f"organisation-{organisations[0][1].translation_key}")
            for case, organisation in organisations:
                self.add(agent, FOAF.name, Literal(organisation.name, lang=case.locale.language_code))
                self.add(agent, FOAF.homepage, URIRef(organisation.website) if organisation.website else None)
        elif any(case.community for case in translations):
            agent = self.node(f"community-{key}")
            for case in translations:
                self.add(agent, FOAF.name, Literal(case.community, lang=case.locale.language_code))
        else:
            return self.publisher
        self.add(agent, RDF.type, FOAF.Agent)
        return agent

    def asset(self, key, translations, themes):
        """One case, in every language it is published in, as an ADMS interoperability solution."""
        translations.sort(key=lambda case: LANGUAGES.index(case.locale.language_code))
        asset = self.node(f"case-{key}")
        source = translations[0]  # Ukrainian where there is a Ukrainian case: the source language
        self.add(asset, RDF.type, ADMS.Asset)
        self.add(asset, DCTERMS.identifier, Literal(key))
        self.add(asset, DCTERMS.publisher, self.owner(key, translations))
        for case in translations:
            language_code = case.locale.language_code
            self.add(asset, DCTERMS.title, Literal(case.title, lang=language_code))
            self.add(asset, DCTERMS.description, Literal(case.intro, lang=language_code))
            self.add(asset, DCTERMS.language, LANGUAGE_URIS.get(language_code))
            url = page_url(case, self.request)
            self.add(asset, DCAT.landingPage, URIRef(url) if url else None)
            for item in case.case_categories.all():
                self.add(asset, DCAT.theme, themes.get(item.category.path))
            for tagged in case.tagged_items.all():
                self.add(asset, DCAT.keyword, Literal(tagged.tag.name, lang=language_code))
        self.add(asset, DCAT.theme, GOVERNMENT_THEME)
        self.add(asset, DCTERMS.spatial, self.region(source.region), UKRAINE)
        self.add(asset, DCTERMS.issued, date_time(min(case.first_published_at for case in translations)))
        self.add(asset, DCTERMS.modified, date_time(max(case.last_published_at for case in translations)))
        self.add(asset, ADMS.status, ADMS_STATUS.get(source.status))
        if source.adapted_from:
            self.add(asset, DCTERMS.source, self.node(f"case-{source.adapted_from.key}"))
        return asset


def catalog_graph(request=None):
    """The open-data catalogue of the case library as an rdflib graph."""
    return CatalogGraph(request).build()
