"""The headless JSON API router (Wagtail API v2).

Apps add filters to the pages endpoint through the ``API_PAGE_FILTERS`` hook (see hooks.py), so
nothing here lists content types by hand.

Every endpoint checks its query parameters before Wagtail reads them (``CheckedParametersMixin``):
Wagtail turns some bad values into a 400 but lets others reach the database (an offset past 64
bits, a date filter that is not a date, an unknown ``search_operator``), where they answered 500.
Every error answers in the API's one shape, ``{"error": message, "field": parameter}``.
"""

import re
from contextlib import contextmanager

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.signing import BadSignature, SignatureExpired
from django.db import models
from django.http import Http404
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from rest_framework import views as rest_views
from rest_framework.response import Response
from taggit.managers import TaggableManager
from wagtail import hooks
from wagtail.api.v2 import filters, views
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.documents.api.v2 import views as document_views
from wagtail.images.api.v2 import views as image_views
from wagtail.images.models import AbstractImage

from home.headless_preview import FrontendPreviewMixin
from search.api import FallbackSearchFilter, ServiceSearchFilter

from .api_schema import EndpointSchema, PreviewSchema
from .bad_input import MAX_INTEGER, InvalidParameter, error_body, whole_number
from .hooks import API_PAGE_FILTERS

# The parameters each of Wagtail's filters reads, to name the one its error is about.
FILTER_PARAMETERS = {
    filters.OrderingFilter: ("order",),
    filters.SearchFilter: ("search", "search_operator"),
    filters.ChildOfFilter: ("child_of",),
    filters.AncestorOfFilter: ("ancestor_of",),
    filters.DescendantOfFilter: ("descendant_of",),
    filters.TranslationOfFilter: ("translation_of",),
    filters.LocaleFilter: ("locale",),
}
# Page ids; the pages that the tree filters also take as "root".
PAGE_PARAMETERS = {"child_of": True, "ancestor_of": False, "descendant_of": True, "translation_of": True}
SEARCH_OPERATORS = ("and", "or")
INTEGER = re.compile(r"-?[0-9]{1,19}")


def invalid_value(name, value):
    message = _("“%(value)s” is not a valid value for %(name)s.") % {"value": value, "name": name}
    return InvalidParameter(name, message)


@contextmanager
def reported_as(parameter):
    """Wagtail's BadRequestError as our 400, naming the parameter it is about."""
    try:
        yield
    except BadRequestError as error:
        raise InvalidParameter(parameter, str(error)) from error


def field_accepts(field, value):
    """Whether a field filter can compare ``field`` with ``value``, as Wagtail's filter will convert it."""
    if field.is_relation:
        field = field.target_field
    if isinstance(field, models.BooleanField):
        try:
            parse_boolean(value)
        except ValueError:
            return False
        return True
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return bool(INTEGER.fullmatch(value.strip())) and abs(int(value)) <= MAX_INTEGER
    try:
        field.to_python(value)
    except (ValidationError, ValueError):
        return False
    return True


def exception_handler(exc, context):
    """REST framework's errors in the API's one shape (settings.REST_FRAMEWORK)."""
    if isinstance(exc, InvalidParameter):
        return Response(error_body(exc.message, exc.field), status=400)
    response = rest_views.exception_handler(exc, context)
    if response is not None:
        data = response.data if isinstance(response.data, dict) else {}
        response.data = error_body(data.get("detail") or response.status_text)
    return response


class CheckedParametersMixin:
    """Query parameters checked before Wagtail reads them; errors as ``{"error", "field"}``."""

    schema = EndpointSchema()
    authentication_classes = []  # public and read-only: no session or password is read

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.GET
        if "offset" in params:
            whole_number("offset", params["offset"])
        if "limit" in params:
            whole_number("limit", params["limit"], maximum=getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or MAX_INTEGER)
        if "id" in params:
            whole_number("id", params["id"], minimum=1)
        if params.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise InvalidParameter(
                "search_operator",
                _("%(field)s must be one of: %(values)s.")
                % {"field": "search_operator", "values": ", ".join(SEARCH_OPERATORS)},
            )

    def check_query_parameters(self, queryset):
        """Only known parameters, and field filters with values of their field's type."""
        model = queryset.model
        field_names = set(self.get_available_fields(model, db_fields_only=True)) - self.known_query_parameters
        unknown = sorted(set(self.request.GET) - field_names - self.known_query_parameters)
        if unknown:
            raise InvalidParameter(
                unknown[0],
                _("%(field)s is not a filter or an operation of this endpoint.") % {"field": unknown[0]},
            )
        for name in field_names & set(self.request.GET):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not isinstance(field, TaggableManager) and not field_accepts(field, self.request.GET[name]):
                raise invalid_value(name, self.request.GET[name])

    def get_filter_backends(self):
        return self.filter_backends

    def filter_queryset(self, queryset):
        for backend in self.get_filter_backends():
            with reported_as(self.parameter_of(backend)):
                queryset = backend().filter_queryset(self.request, queryset, self)
        return queryset

    def parameter_of(self, backend):
        """The parameter of the request that ``backend`` reads, or None when it cannot be told."""
        names = getattr(backend, "query_parameters", None) or next(
            (names for kind, names in FILTER_PARAMETERS.items() if issubclass(backend, kind)), ()
        )
        return next((name for name in names if name in self.request.GET), names[0] if names else None)

    def get_serializer_class(self):
        with reported_as("fields"):
            return super().get_serializer_class()

    def resolve_rich_text_format(self):
        with reported_as("rich_text_format"):
            return super().resolve_rich_text_format()

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "message" in response.data:  # Wagtail's own errors
            response.data = error_body(response.data["message"])
        return response


def related_lookups(model):
    """``select_related`` and ``prefetch_related`` lookups for ``model``'s API fields.

    So that a listing costs the same number of queries whatever its length: a foreign key is
    joined (an image's renditions prefetched), inline rows, many-to-many fields and tags are
    prefetched. A serializer field names the lookups below its own in ``prefetch_related`` (from the
    page where its source is a method of the page).
    """
    selected, prefetched = ["locale"], []
    for api_field in getattr(model, "api_fields", ()):
        serializer = api_field.serializer
        source = getattr(serializer, "source", None) or api_field.name
        lookups = getattr(serializer, "prefetch_related", ())
        try:
            field = model._meta.get_field(source)
        except FieldDoesNotExist:
            prefetched += lookups  # a property or a method of the page: its lookups start from the page
            continue
        prefetched += [f"{source}__{lookup}" for lookup in lookups]
        if field.many_to_one or (field.one_to_one and field.concrete):
            selected.append(source)
            if issubclass(field.related_model, AbstractImage):
                prefetched.append(f"{source}__renditions")
        elif field.is_relation:
            prefetched.append(source)
    return selected, prefetched


class PagesAPIViewSet(CheckedParametersMixin, views.PagesAPIViewSet):
    # ``search=`` goes through the site's search service, like the search page and /api/v2/search/.
    filter_backends = [
        ServiceSearchFilter if backend is filters.SearchFilter else backend
        for backend in views.PagesAPIViewSet.filter_backends
    ]

    @classmethod
    def app_filters(cls):
        return [backend for register in hooks.get_hooks(API_PAGE_FILTERS) for backend in register()]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, takes_root in PAGE_PARAMETERS.items():
            value = request.GET.get(name)
            if value is not None and not (takes_root and value == "root"):
                whole_number(name, value)
        locales = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if "locale" in request.GET and request.GET["locale"] not in locales:
            raise InvalidParameter("locale", _("The locale must be one of: %(codes)s.") % {"codes": ", ".join(locales)})

    def get_filter_backends(self):
        return [*self.app_filters(), *self.filter_backends]

    def detail_view(self, request, pk):
        """The page, with its publication time as Last-Modified for conditional GETs."""
        page = self.get_object()
        response = Response(self.get_serializer(page).data)
        if page.last_published_at:
            response["Last-Modified"] = http_date(page.last_published_at.timestamp())
        return response

    def get_queryset(self):
        try:
            queryset = super().get_queryset()
        except BadRequestError as error:
            raise InvalidParameter("type", str(error)) from error
        selected, prefetched = related_lookups(queryset.model)
        return queryset.select_related(*selected).prefetch_related(*prefetched)

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except BadRequestError as error:
            raise InvalidParameter("site", str(error)) from error
        except Http404 as error:  # an unknown host name: the parameter is wrong, not the address
            message = _("There is no site with the host name “%(value)s”.") % {"value": self.request.GET.get("site")}
            raise InvalidParameter("site", message) from error

    def check_query_parameters(self, queryset):
        claimed = {name for backend in self.app_filters() for name in backend.query_parameters}
        self.known_query_parameters = self.known_query_parameters.union(claimed)
        super().check_query_parameters(queryset)


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """A draft as its editor previews it, for the other frontend (home/headless_preview.py).

    ``?content_type=app_label.model&token=…`` from the preview's address; a forged token or one older
    than ``HEADLESS_PREVIEW_MAX_AGE`` answers 400, a forgotten preview 404. Never cached.
    """

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])
    schema = PreviewSchema()

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="preview")]

    def preview_view(self, request):
        response = Response(self.get_serializer(self.get_object()).data)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self):
        if not hasattr(self, "_preview"):
            self._preview = self.previewed_page()
        return self._preview

    def previewed_page(self):
        model = self.previewed_model()
        try:
            page = model.get_page_from_preview_token(self.request.GET.get("token", ""))
        except SignatureExpired as error:
            raise InvalidParameter("token", _("The preview has expired: preview the page again.")) from error
        except BadSignature as error:
            raise InvalidParameter("token", _("This is not a preview token of this site.")) from error
        if page is None:
            raise Http404(_("There is no such preview any more: preview the page again."))
        page.pk = page.pk or 0  # a page never saved: its API address needs a number
        return page

    def previewed_model(self):
        label = self.request.GET.get("content_type", "")
        app_label, _dot, model_name = label.partition(".")
        try:
            model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        except ContentType.DoesNotExist:
            model = None
        if model is None or not issubclass(model, FrontendPreviewMixin):
            raise InvalidParameter(
                "content_type", _("“%(value)s” is not a page type that can be previewed.") % {"value": label}
            )
        return model


def with_fallback_search(viewset):
    return [FallbackSearchFilter if backend is filters.SearchFilter else backend for backend in viewset.filter_backends]


class ImagesAPIViewSet(CheckedParametersMixin, image_views.ImagesAPIViewSet):
    filter_backends = with_fallback_search(image_views.ImagesAPIViewSet)


class DocumentsAPIViewSet(CheckedParametersMixin, document_views.DocumentsAPIViewSet):
    filter_backends = with_fallback_search(document_views.DocumentsAPIViewSet)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)  # after "pages": links go there
