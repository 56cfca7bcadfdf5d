"""The site search page: live pages of the visitor's language, most relevant first."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from .query import clean_query

RESULTS_PER_PAGE = 20


def search(request):
    search_query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if search_query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(search_query)
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
        {"search_query": search_query, "results": results_page},
    )
