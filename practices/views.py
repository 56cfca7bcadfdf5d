"""The open-data catalogue of the case library at stable addresses, one per RDF serialization.

``/api/v2/opendata/catalog.jsonld``, ``.rdf`` and ``.ttl`` describe the same graph
(``practices/opendata.py``). Each address has one format, whatever the ``Accept`` header says: a
harvester configured with the address gets what the address names, never a 406. Answers carry
``Last-Modified`` (the newest publication or withdrawal of a case) and answer a conditional GET with
304, so a harvester that asks daily reads the library only when it changed. The endpoints take no
parameters; any parameter answers 400 in the API's error shape, like the rest of the API.

Serializing a library of thousands of cases takes seconds (rdflib's Turtle writer most of all), so
each serialization is cached under the moment the catalogue last changed: a publication or a
withdrawal makes a new key, and the rest of the description (the classifier's names) is read again
at least every ``CACHE_SECONDS``.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import last_modified
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from depository.api_files import LANGUAGE_CODES, FileView, file_renderer, requested_language
from depository.api_schema import ErrorSerializer
from depository.bad_input import InvalidParameter

from . import opendata
from .browse import CaseFilters
from .models import CaseLibraryPage

CACHE_SECONDS = 3600


def schema(name, media_type, body=OpenApiTypes.STR):
    return extend_schema(
        operation_id=f"opendata_catalog_{name.lower().replace('/', '_').replace('-', '_')}",
        summary=format_lazy(_("Open-data catalogue of the case library ({format})"), format=name),
        description=_(
            "The case library as a DCAT-AP catalogue for open-data portals (a CKAN harvester with "
            "ckanext-dcat reads it): one dataset whose distributions are the CSV and JSON Lines downloads "
            "in Ukrainian and English, with licence, publisher, contact point, dates and themes from the "
            "classifier; and a second catalogue describing each published case as an ADMS-AP "
            "interoperability solution. Conditional requests (If-Modified-Since) answer 304 when nothing "
            "changed. The endpoint takes no query parameters."
        ),
        tags=["open data"],
        parameters=[
            OpenApiParameter(
                "If-Modified-Since",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description=_("An HTTP date, as the Last-Modified of an earlier answer: 304 if nothing changed since."),
            )
        ],
        responses={
            (200, media_type): OpenApiResponse(
                body,
                description=_("The catalogue; Last-Modified: the newest publication or withdrawal of a case."),
            ),
            304: OpenApiResponse(description=_("Not modified since If-Modified-Since.")),
            (400, "application/json"): OpenApiResponse(ErrorSerializer, description=_("A query parameter was given.")),
        },
    )


class CatalogView(FileView):
    """The catalogue in the serialization ``rdf_format`` (an rdflib format name)."""

    rdf_format = None
    serialize_options = {}

    def get(self, request):
        modified = opendata.last_modified(request)
        key = f"opendata:{self.rdf_format}:{settings.SITE_URL}:{modified.isoformat() if modified else ''}"
        body = cache.get(key)
        if body is None:
            graph = opendata.catalog_graph(request)
            body = graph.serialize(format=self.rdf_format, encoding="utf-8", **self.serialize_options)
            cache.set(key, body, CACHE_SECONDS)
        return HttpResponse(body, content_type=f"{self.renderer_classes[0].media_type}; charset=utf-8")


conditional = method_decorator(last_modified(opendata.last_modified))


JsonLdRenderer = file_renderer("application/ld+json", "jsonld")
RdfXmlRenderer = file_renderer("application/rdf+xml", "rdf")
TurtleRenderer = file_renderer("text/turtle", "ttl")


class JsonLdCatalogView(CatalogView):
    renderer_classes = (JsonLdRenderer,)
    rdf_format = "json-ld"
    # Compact, with the prefixes as the context: readable, and parsed the same.
    serialize_options = {"context": {prefix: str(ns) for prefix, ns in opendata.PREFIXES.items()}, "auto_compact": True}

    @schema("JSON-LD", JsonLdRenderer.media_type, OpenApiTypes.OBJECT)
    @conditional
    def get(self, request):
        return super().get(request)


class RdfXmlCatalogView(CatalogView):
    renderer_classes = (RdfXmlRenderer,)
    rdf_format = "xml"  # flat: a third of the time of rdflib's nested "pretty-xml"

    @schema("RDF/XML", RdfXmlRenderer.media_type)
    @conditional
    def get(self, request):
        return super().get(request)


class TurtleCatalogView(CatalogView):
    renderer_classes = (TurtleRenderer,)
    rdf_format = "turtle"

    @schema("Turtle", TurtleRenderer.media_type)
    @conditional
    def get(self, request):
        return super().get(request)


# --- The library's downloads --------------------------------------------------------------------

DOWNLOAD_FILTERS = {
    "category": _("Only cases of this classifier category (its slug path) and its subcategories."),
    "region": _("Only cases of this region (ISO 3166-2:UA code)."),
    "level": _("Only cases of this community level."),
    "year_from": _("Only cases whose implementation began in this year or later."),
    "year_to": _("Only cases whose implementation began in this year or earlier."),
    "status": _("Only cases of this status."),
    "award": _("Only cases with this award of the contest."),
    "adopted": _("1: only cases that other communities adopted."),
}


def download_schema(file_format, media_type):
    return extend_schema(
        operation_id=f"opendata_cases_{file_format}",
        summary=format_lazy(_("The case library as a download ({format})"), format=file_format.upper()),
        description=_(
            "The published cases of one language with the library page's filters: the JSON Lines are the "
            "case interchange format, the CSV has the fields that fit in a cell. Contacts appear only where "
            "the person agreed to be shown."
        ),
        tags=["open data"],
        parameters=[
            OpenApiParameter("locale", str, enum=LANGUAGE_CODES, description=_("The language of the cases.")),
            *(OpenApiParameter(name, str, description=description) for name, description in DOWNLOAD_FILTERS.items()),
        ],
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.STR, description=_("The cases, one per line.")),
            (400, "application/json"): OpenApiResponse(ErrorSerializer, description=_("A parameter is wrong.")),
            (404, "application/json"): OpenApiResponse(ErrorSerializer, description=_("No case library is published.")),
        },
    )


class CasesDownloadView(FileView):
    """``/api/v2/opendata/cases.csv`` and ``.jsonl``: the library page's downloads at stable addresses.

    Unlike the page, which drops a filter it does not know (a visitor's old link still opens), a
    program gets a 400 naming the parameter.
    """

    file_format = None
    parameters = ("locale", *DOWNLOAD_FILTERS)

    def get(self, request):
        language_code = requested_language(request)
        library = CaseLibraryPage.objects.live().public().filter(locale__language_code=language_code).first()
        if library is None:
            raise Http404(gettext("No case library is published in this language."))
        filters = CaseFilters.from_query(request.GET, library.locale)
        if filters.ignored:
            name = filters.ignored[0]
            raise InvalidParameter(
                name,
                gettext("“%(value)s” is not a valid value for %(name)s.") % {"value": request.GET[name], "name": name},
            )
        return library.download(request, filters, self.file_format)


CsvRenderer = file_renderer("text/csv", "csv")
JsonLinesRenderer = file_renderer("application/x-ndjson", "jsonl")


class CsvCasesView(CasesDownloadView):
    renderer_classes = (CsvRenderer,)
    file_format = "csv"

    @download_schema("csv", CsvRenderer.media_type)
    def get(self, request):
        return super().get(request)


class JsonLinesCasesView(CasesDownloadView):
    renderer_classes = (JsonLinesRenderer,)
    file_format = "jsonl"

    @download_schema("jsonl", JsonLinesRenderer.media_type)
    def get(self, request):
        return super().get(request)
