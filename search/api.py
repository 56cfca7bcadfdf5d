"""Site search as JSON: ``/api/v2/search/`` and ``/api/v2/search/suggest/`` (see INTERFACES.md)."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend

from depository.bad_input import json_error
from home.site_url import absolute_url, page_url

from .service import (
    InvalidSearchRequest,
    order_by_rank,
    parse_filters,
    ranked_page_ids,
    search_site,
    suggest,
    with_fallback,
)
from .views import record_query

LANGUAGE_CODES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def requested_language(request):
    language_code = request.GET.get("locale") or LANGUAGE_CODES[0]
    if language_code not in LANGUAGE_CODES:
        raise InvalidSearchRequest(
            "locale", _("The locale must be one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
        )
    return language_code


@require_GET
def search(request):
    try:
        language_code = requested_language(request)
        filters, page = parse_filters(request.GET)
    except InvalidSearchRequest as error:
        return json_error(error.message, error.field)
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
    return JsonResponse(
        {
            "count": result.count,
            "page": result.page_number,
            "items": items,
            "facets": result.facets,
            "promotions": [{**pick, "url": absolute_url(pick["url"])} for pick in result.promotions],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def suggestions(request):
    try:
        language_code = requested_language(request)
    except InvalidSearchRequest as error:
        return json_error(error.message, error.field)
    query = request.GET.get("q", "")
    return JsonResponse(
        {"query": query, "suggestions": suggest(query, language_code)}, json_dumps_params={"ensure_ascii": False}
    )


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
