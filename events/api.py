"""The events' calendars at stable API addresses: ``/api/v2/events/calendar.ics?locale=uk|en``."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from depository.api_files import LANGUAGE_CODES, FileView, file_renderer, requested_language
from depository.api_schema import ErrorSerializer

from .views import calendar_feed


class CalendarView(FileView):
    """Every live public event of one language as iCalendar, as ``/<lang>/events/calendar.ics`` serves it."""

    renderer_classes = (file_renderer("text/calendar", "ics"),)
    parameters = ("locale",)

    @extend_schema(
        operation_id="events_calendar",
        summary=_("The events as a calendar"),
        description=_(
            "Every published event of one language as an iCalendar file (RFC 5545) that calendar programs "
            "subscribe to, with each time in Kyiv time."
        ),
        tags=["events"],
        parameters=[OpenApiParameter("locale", str, enum=LANGUAGE_CODES, description=_("The language of the events."))],
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description=_("The calendar.")),
            (400, "application/json"): OpenApiResponse(ErrorSerializer, description=_("A parameter is wrong.")),
        },
    )
    def get(self, request):
        with translation.override(requested_language(request)):
            return calendar_feed(request._request)
