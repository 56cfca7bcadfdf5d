"""The site search page: live pages of the visitor's language, most relevant first."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from .query import clean_query

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 20


def search(request):
    search_query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if search_query:
        results = search_pages(search_query, Locale.get_active())
        Query.get(search_query).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results_page = paginator.page(1)
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": search_query, "results": results_page, "pagination_query": urlencode({"q": search_query})},
    )


def search_pages(search_query, locale):
    """Live pages of ``locale`` matching the query; from the database when the engine fails."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    results = pages.search(search_query)
    if "fallback" not in settings.WAGTAILSEARCH_BACKENDS:
        return results
    try:
        results.count()  # asks the engine now, while a failure can still be handled
    except Exception as error:  # noqa: BLE001 - whatever the engine's failure, the visitor gets results
        logger.warning("search engine failed, answering from the database: %s: %s", type(error).__name__, error)
        results = pages.search(search_query, backend="fallback")
    return results
