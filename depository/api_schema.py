"""The API's OpenAPI 3 schema, generated from the code by drf-spectacular: /api/schema/, /api/docs/.

Why drf-spectacular and not the Ninja-based API v3 that Wagtail 8 ships: the stable contract is API v2
(README, "Headless API"), served by REST framework views, and drf-spectacular reads those very views;
v3 is another API (read-write, token authentication) whose schema would describe endpoints the site
does not serve.

Wagtail builds v2's serializers per request, from the page type and the ``fields`` parameter, and
moves the meta fields under ``"meta"`` when it answers; a generator that only looks at the view sees
none of that. ``EndpointSchema`` builds each page type's serializer as a request for ``fields=*``
does and describes it as the API answers: every property present when ``fields`` selects it, meta
fields nested, nothing else. A listing item or a detail answer is one of the page types (``anyOf``:
with fewer fields selected, an item fits several). The project's own API fields describe their
values by their return annotations (practices/api_fields.py); Wagtail's are described below.
"""

import copy

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_array_type, build_basic_type, build_object_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import serializers
from wagtail.models import Page, get_page_models

API_PATH = "/api/"
ALL_FIELDS = [("*", False, None)]  # ``fields=*``, as Wagtail parses it


class ErrorSerializer(serializers.Serializer):
    """Every error of the API answers in this shape."""

    error = serializers.CharField(help_text=_("What is wrong, in the language of the request."))
    field = serializers.CharField(
        allow_null=True, help_text=_("The parameter the error is about, or null when it is about none.")
    )


def error_responses(*codes):
    return {code: ErrorSerializer for code in codes}


# --- Wagtail's API fields ------------------------------------------------------------------


class PlainField(OpenApiSerializerFieldExtension):
    """A Wagtail field whose value has a fixed schema, given by ``PLAIN_FIELDS``."""

    schema = None

    def map_serializer_field(self, auto_schema, direction):
        return copy.deepcopy(self.schema)  # the generator may amend what it is given


_RELATIVE_URL = {"type": "string", "format": "uri-reference"}
# Wagtail's fields with a fixed schema, by the field's class.
PLAIN_FIELDS = {
    # The type's label, and the API and page addresses.
    "wagtail.api.v2.serializers.TypeField": build_basic_type(OpenApiTypes.STR),
    "wagtail.api.v2.serializers.PageTypeField": build_basic_type(OpenApiTypes.STR),
    "wagtail.api.v2.serializers.PageLocaleField": {
        "type": "string",
        "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
    },
    "wagtail.api.v2.serializers.DetailUrlField": build_basic_type(OpenApiTypes.URI),
    # Null for a page outside every site.
    "wagtail.api.v2.serializers.PageHtmlUrlField": {**build_basic_type(OpenApiTypes.URI), "nullable": True},
    # A file's address: relative to the site when the files are served from it.
    "wagtail.images.api.v2.serializers.ImageDownloadUrlField": _RELATIVE_URL,
    "wagtail.documents.api.v2.serializers.DocumentDownloadUrlField": _RELATIVE_URL,
    "wagtail.api.v2.serializers.TagsField": build_array_type(build_basic_type(OpenApiTypes.STR)),
}
for _target, _schema in PLAIN_FIELDS.items():
    # Defining a subclass registers it with drf-spectacular.
    type(_target.rsplit(".", 1)[1], (PlainField,), {"target_class": _target, "schema": _schema})


class StreamField(OpenApiSerializerFieldExtension):
    """A StreamField as Wagtail answers it: its blocks in order, each with its type and value."""

    target_class = "wagtail.api.v2.serializers.StreamField"

    def map_serializer_field(self, auto_schema, direction):
        block = build_object_type(
            properties={
                "type": build_basic_type(OpenApiTypes.STR),
                "value": {"description": str(_("The block's value; its shape depends on the block's type."))},
                "id": build_basic_type(OpenApiTypes.STR),
            },
            required=["type", "value"],
        )
        return build_array_type(block)


class NestedPageField(OpenApiSerializerFieldExtension):
    """The parent or the original of an alias: a page in short."""

    target_class = "wagtail.api.v2.serializers.PageParentField"

    def map_serializer_field(self, auto_schema, direction):
        return {**auto_schema.resolve_serializer(NestedPage, direction).ref, "nullable": True}


class AliasOfField(NestedPageField):
    target_class = "wagtail.api.v2.serializers.PageAliasOfField"


class RelatedField(OpenApiSerializerFieldExtension):
    """A related object (a page, an image, a document) in short, with the fields Wagtail nests."""

    target_class = "wagtail.api.v2.serializers.RelatedField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        described = described_serializer(self.target.serializer_class, suffix="Nested")
        return {**auto_schema.resolve_serializer(described, direction).ref, "nullable": True}


class ChildRelationField(OpenApiSerializerFieldExtension):
    """Inline rows of a page (``InlinePanel``), each with all its fields."""

    target_class = "wagtail.api.v2.serializers.ChildRelationField"

    def map_serializer_field(self, auto_schema, direction):
        described = described_serializer(self.target.serializer_class)
        return build_array_type(auto_schema.resolve_serializer(described, direction).ref)


class AnnotatedField(OpenApiSerializerFieldExtension):
    """Any other field whose ``to_representation`` says what it returns (an image rendition, ...)."""

    target_class = "rest_framework.fields.Field"
    match_subclasses = True
    priority = -1

    @classmethod
    def _matches(cls, target):
        method = getattr(target, "to_representation", None)
        annotated = "return" in getattr(method, "__annotations__", {})
        return annotated and not isinstance(target, serializers.BaseSerializer) and super()._matches(target)

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_response_type_hint(self.target.to_representation)
        schema.pop("description", None)  # REST framework's docstring of to_representation
        if type(self.target).__doc__:
            schema["description"] = type(self.target).__doc__
        return schema


class NestedPageMeta(serializers.Serializer):
    type = serializers.CharField()
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)


class NestedPage(serializers.Serializer):
    id = serializers.IntegerField()
    meta = NestedPageMeta()
    title = serializers.CharField()


# --- Serializers as the API answers ---------------------------------------------------------

_described = {}


def described_serializer(serializer_class, suffix=""):
    """A serializer that documents ``serializer_class``'s answer: meta fields under ``meta``.

    Every property is optional (``fields`` selects them) and nullable where Wagtail can answer null:
    where the model field is nullable, or the value is computed rather than stored. ``suffix`` tells
    apart the short form Wagtail nests in other answers.
    """
    model = serializer_class.Meta.model
    key = (model, suffix)
    if key not in _described:
        name = f"{model._meta.app_label.title()}{model.__name__}{suffix}"
        fields = {}
        for field_name, field in serializer_class().fields.items():
            field.required = False
            field.allow_null = field.allow_null or can_be_null(model, field.source)
            fields[field_name] = field
        meta = {name: fields.pop(name) for name in serializer_class.meta_fields if name in fields}
        attrs = dict(fields)
        if meta:
            attrs["meta"] = type(f"{name}Meta", (serializers.Serializer,), meta)(required=False)
        _described[key] = type(name, (serializers.Serializer,), attrs)
    return _described[key]


def can_be_null(model, source):
    """Wagtail answers null for a null value: a nullable column, or a value computed by the model."""
    try:
        field = model._meta.get_field(source)
    except FieldDoesNotExist:
        return True
    return bool(getattr(field, "null", False))


# --- The endpoints ----------------------------------------------------------------------------


def page_types():
    return [model._meta.label for model in get_page_models() if model._meta.label != "wagtailcore.Page"]


LISTING_PARAMETERS = [
    OpenApiParameter("limit", int, description=_("How many items to answer (at most the configured maximum).")),
    OpenApiParameter("offset", int, description=_("How many items to skip.")),
    OpenApiParameter(
        "fields",
        str,
        description=_(
            "Comma-separated fields to add to the default ones, “-field” to remove one, “*” for all, "
            "“_” for none; nested fields in parentheses."
        ),
    ),
    OpenApiParameter("order", str, description=_("A field to order by, “-field” descending, “random”.")),
    OpenApiParameter("search", str, description=_("Words to search for, as on the site's search page.")),
    OpenApiParameter("search_operator", str, enum=["and", "or"], description=_("How the words combine.")),
]
PAGE_PARAMETERS = [
    OpenApiParameter("locale", str, enum=[code for code, _n in settings.WAGTAIL_CONTENT_LANGUAGES]),
    OpenApiParameter("translation_of", int, description=_("Pages that translate the page with this id.")),
    OpenApiParameter("child_of", str, description=_("Children of the page with this id, or of “root”.")),
    OpenApiParameter("descendant_of", str, description=_("Descendants of the page with this id, or of “root”.")),
    OpenApiParameter("ancestor_of", int, description=_("Ancestors of the page with this id.")),
    OpenApiParameter("site", str, description=_("Pages of the site with this host name.")),
]


def type_parameter(types):
    return OpenApiParameter(
        "type",
        str,
        enum=types,
        description=_("The content type (app_label.Model): the answer then has that type's fields and filters."),
    )


class EndpointSchema(AutoSchema):
    """The schema of a Wagtail API v2 endpoint (listing, detail, find) as it answers."""

    @property
    def endpoint(self):
        """The endpoint's name in the router: the path's segment after /api/v2/."""
        return self.path.split("/")[3]

    def get_operation_id(self):
        name = self.endpoint
        return {"listing_view": f"{name}_list", "detail_view": f"{name}_retrieve", "find_view": f"{name}_find"}[
            self.view.action
        ]

    def get_tags(self):
        return [self.endpoint]

    def get_description(self):
        return self.view.__class__.__doc__ or ""

    def get_override_parameters(self):
        action = self.view.action
        parameters = [OpenApiParameter("fields", str, description=LISTING_PARAMETERS[2].description)]
        if action == "listing_view":
            parameters = list(LISTING_PARAMETERS)
            if self.endpoint == "pages":
                parameters += [type_parameter(page_types()), *PAGE_PARAMETERS, *self.app_filter_parameters()]
        elif action == "find_view":
            parameters = [OpenApiParameter("id", int, description=_("The object's id."))]
            if self.endpoint == "pages":
                parameters.append(OpenApiParameter("html_path", str, description=_("The page's path on the site.")))
        return parameters

    def app_filter_parameters(self):
        return [
            OpenApiParameter(name, str, description=(backend.__doc__ or "").strip())
            for backend in self.view.app_filters()
            for name in backend.query_parameters
        ]

    def get_request_serializer(self):
        return None

    def get_response_serializers(self):
        return None  # the answers are built in _get_response_bodies, per page type

    def _get_filter_parameters(self):
        return []  # the filters are the parameters above: the generic look-up would query the database

    def _get_pagination_parameters(self):
        return []

    def item_schema(self):
        models = get_page_models() if issubclass(self.view.model, Page) else [self.view.model]
        schemas = [self.resolve_serializer(self.described(model), "response").ref for model in models]
        return schemas[0] if len(schemas) == 1 else {"anyOf": schemas}

    def described(self, model):
        from .api import api_router

        serializer_class = self.view._get_serializer_class(api_router, model, ALL_FIELDS, show_details=True)
        return described_serializer(serializer_class)

    def _get_response_bodies(self, direction="response"):
        action = self.view.action
        item = self.item_schema()
        if action == "listing_view":
            body = build_object_type(
                properties={
                    "meta": build_object_type(
                        properties={"total_count": build_basic_type(OpenApiTypes.INT)}, required=["total_count"]
                    ),
                    "items": build_array_type(item),
                },
                required=["meta", "items"],
            )
            responses = {"200": self._get_response_for_code(body, "200")}
        elif action == "detail_view":
            responses = {"200": self._get_response_for_code(item, "200")}
        else:
            responses = {"302": {"description": str(_("Redirects to the object's detail answer."))}}
        for code in ("400", "404") if action != "listing_view" else ("400",):
            responses[code] = self._get_response_for_code(ErrorSerializer, code)
        return responses


class PreviewSchema(EndpointSchema):
    """The preview endpoint: one draft page, found by its token."""

    def get_operation_id(self):
        return "page_preview_retrieve"

    def get_override_parameters(self):
        return [
            OpenApiParameter(
                "content_type",
                str,
                required=True,
                enum=[label.lower() for label in page_types()],
                description=_("The page type, app_label.model, from the preview's address."),
            ),
            OpenApiParameter("token", str, required=True, description=_("The token from the preview's address.")),
            OpenApiParameter("fields", str, description=LISTING_PARAMETERS[2].description),
        ]

    def _get_response_bodies(self, direction="response"):
        responses = {"200": self._get_response_for_code(self.item_schema(), "200")}
        for code in ("400", "404"):
            responses[code] = self._get_response_for_code(ErrorSerializer, code)
        return responses


class ApiDocsView(SpectacularSwaggerSplitView):
    """The interactive documentation at /api/docs/, in the language asked for (``?lang=uk|en``).

    The split view serves its start-up script as a file: the page runs under the site's policy,
    which allows no inline script. Swagger UI's own controls are in English only.
    """

    url_name = "api_schema"
    template_name = "api/docs.html"

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang")
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            return super().dispatch(request, *args, **kwargs).render()


def public_endpoints(endpoints, **kwargs):
    """Only the public API: the admin's internal endpoints are not part of the contract."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PATH)]


def closed_components(result, generator, request, public):
    """The described answers list every property, none required: an unexpected one is a violation."""
    names = {serializer.__name__ for serializer in _described.values()}
    names |= {f"{name}Meta" for name in names}
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name in names and schema.get("type") == "object":
            schema["additionalProperties"] = False
            schema.pop("required", None)
    return result
