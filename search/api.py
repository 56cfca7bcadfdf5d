"""Site search as JSON: ``/api/v2/search/`` and ``/api/v2/search/suggest/`` (see INTERFACES.md)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend

from depository.api_files import LANGUAGE_CODES, requested_language
from depository.api_schema import error_responses
from home.site_url import absolute_url, page_url

from .service import (
    order_by_rank,
    parse_filters,
    ranked_page_ids,
    search_site,
    suggest,
    with_fallback,
)
from .views import record_query


class FacetEntrySerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class YearFacetEntrySerializer(FacetEntrySerializer):
    value = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    type = FacetEntrySerializer(many=True)
    category = FacetEntrySerializer(many=True)
    region = FacetEntrySerializer(many=True)
    year = YearFacetEntrySerializer(many=True)


class SearchItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text=_("The content type, app_label.Model."))
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    locale = serializers.CharField()
    key = serializers.CharField(allow_null=True, help_text=_("The case's interchange key; null for other content."))
    highlight = serializers.CharField(help_text=_("An excerpt with the query's words in <mark>, as HTML."))


class PromotionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    description = serializers.CharField(allow_blank=True)


class SearchAnswerSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    items = SearchItemSerializer(many=True)
    facets = FacetsSerializer()
    promotions = PromotionSerializer(many=True, help_text=_("The editors' picks for this query."))


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    type = serializers.CharField()


class SuggestionsAnswerSerializer(serializers.Serializer):
    query = serializers.CharField()
    suggestions = SuggestionSerializer(many=True)


LOCALE_PARAMETER = OpenApiParameter("locale", str, enum=LANGUAGE_CODES, description=_("The language searched."))


@extend_schema(
    summary=_("Search the site"),
    description=_("The same results as the site's search page, with the counts of each facet."),
    parameters=[
        OpenApiParameter("q", str, description=_("What the visitor typed.")),
        LOCALE_PARAMETER,
        OpenApiParameter("type", str, description=_("Only this content type (app_label.model).")),
        OpenApiParameter("category", str, description=_("Only cases of this classifier category (its slug path).")),
        OpenApiParameter("region", str, pattern=r"^UA-[0-9]{2}$", description=_("Only cases of this region.")),
        OpenApiParameter("year", int, description=_("Only content of this year.")),
        OpenApiParameter("page", int, description=_("The page of results, from 1.")),
    ],
    responses={200: SearchAnswerSerializer, **error_responses(400)},
    tags=["search"],
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def search(request):
    language_code = requested_language(request)
    filters, page = parse_filters(request.GET)
    result = search_site(request.GET.get("q", ""), language_code, filters, page)
    if result.query and page == 1:
        record_query(result, language_code)
    items = [
        {
            "id": hit.page.pk,
            "type": hit.page._meta.label,
            "title": hit.page.title,
            "url": page_url(hit.page, request),
            "locale": language_code,
            "key": getattr(hit.page, "key", None),
            "highlight": hit.highlight,
        }
        for hit in result.items
    ]
    answer = {
        "count": result.count,
        "page": result.page_number,
        "items": items,
        "facets": result.facets,
        "promotions": [{**pick, "url": absolute_url(pick["url"])} for pick in result.promotions],
    }
    return Response(answer)


@extend_schema(
    summary=_("Suggest titles"),
    description=_("Titles of pages that begin with what the visitor has typed so far, for autocomplete."),
    parameters=[OpenApiParameter("q", str, description=_("What the visitor has typed so far.")), LOCALE_PARAMETER],
    responses={200: SuggestionsAnswerSerializer, **error_responses(400)},
    tags=["search"],
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def suggestions(request):
    language_code = requested_language(request)
    query = request.GET.get("q", "")
    return Response({"query": query, "suggestions": suggest(query, language_code)})


class ServiceSearchFilter(SearchFilter):
    """The pages API's ``search=`` parameter, answered by the site's search service, best match first."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if not query:
            return queryset
        ids = ranked_page_ids(query)
        if "order" in request.GET:
            return queryset.filter(pk__in=ids)
        return order_by_rank(queryset, ids)


class FallbackSearchFilter(SearchFilter):
    """The images' and documents' ``search=``: Wagtail's search, answered from the database while the engine is down."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search")
        if not query or getattr(queryset, "_filtered_by_tag", False):
            return super().filter_queryset(request, queryset, view)  # nothing to search, or Wagtail's refusal
        operator = request.GET.get("search_operator")

        def ask(name):
            return [item.pk for item in get_search_backend(name).search(query, queryset, operator=operator)[:1000]]

        try:
            ids = with_fallback(ask)
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(str(error)) from error
        if "order" in request.GET:
            return queryset.filter(pk__in=ids)
        return order_by_rank(queryset, ids)
