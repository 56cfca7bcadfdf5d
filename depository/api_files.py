"""API endpoints that answer files (RDF, CSV, JSON Lines, iCalendar) rather than JSON.

Each address names its format (``…/catalog.ttl``, ``…/cases.csv``): the view's one renderer answers
whatever the client's ``Accept`` says, so a harvester or a calendar program configured with the
address gets what it names, never a 406. Errors still answer in the API's JSON shape.
"""

from django.conf import settings
from django.utils.translation import gettext
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.views import APIView

from .bad_input import InvalidParameter, json_error

LANGUAGE_CODES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class OwnFormat(BaseContentNegotiation):
    """The address names the format: the view's one renderer, whatever the request accepts."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class FileRenderer(BaseRenderer):
    """Passes on the file the view wrote; subclasses name its media type."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def file_renderer(media_type, file_format):
    return type(f"{file_format.title()}Renderer", (FileRenderer,), {"media_type": media_type, "format": file_format})


class FileView(APIView):
    """A public file at an address that names its format; errors as the API's JSON.

    ``parameters`` are the query parameters the endpoint reads: any other one answers 400.
    """

    authentication_classes = ()
    permission_classes = ()
    content_negotiation_class = OwnFormat
    parameters = ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name in sorted(set(request.query_params) - set(self.parameters)):
            message = gettext("%(field)s is not a filter or an operation of this endpoint.") % {"field": name}
            raise InvalidParameter(name, message)

    def handle_exception(self, exc):
        """Errors in the API's shape (depository.api.exception_handler), as JSON: the renderer writes files."""
        response = super().handle_exception(exc)
        return json_error(response.data["error"], response.data["field"], status=response.status_code)


def requested_language(request):
    """The ``locale`` parameter, Ukrainian when absent; ``InvalidParameter`` when it is not a language of the site."""
    language_code = request.query_params.get("locale") or LANGUAGE_CODES[0]
    if language_code not in LANGUAGE_CODES:
        raise InvalidParameter(
            "locale", gettext("The locale must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
        )
    return language_code
