"""The site search page: the search service's answer for the visitor's language, as HTML."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from wagtail.models import Locale

from . import tasks
from .facets import FACETS
from .service import InvalidSearchRequest, SearchResult, parse_filters, search_site


def search(request):
    locale = Locale.get_active()
    query = request.GET.get("q", "")
    try:
        filters, page = parse_filters(request.GET)
    except InvalidSearchRequest as error:
        result = SearchResult(query=query)
        return render_results(request, result, {}, error=error.message, status=400)
    result = search_site(query, locale, filters, page)
    if result.query and page == 1:
        record_query(result, locale.language_code)
    return render_results(request, result, filters)


def record_query(result, language_code):
    """Count the query for editors, in the background: the visitor does not wait for the writes."""
    tasks.record_query.enqueue(result.query, language_code, result.count > 0)


def render_results(request, result, filters, error=None, status=200):
    def url_with(**changes):
        params = {"q": result.query, **filters, **changes}
        return "?" + urlencode({name: value for name, value in params.items() if value not in (None, "")})

    facets = [
        {
            "name": name,
            "selected": filters.get(name),
            "clear_url": url_with(**{name: None}),
            "entries": [
                {**entry, "url": url_with(**{name: entry["value"]}), "selected": filters.get(name) == entry["value"]}
                for entry in result.facets[name]
            ],
        }
        for name in FACETS
        if result.facets[name]
    ]
    context = {
        "search_query": result.query,
        "result": result,
        "facets": facets,
        "filters": filters,
        "error": error,
        "previous_url": url_with(page=result.page_number - 1) if result.page_number > 1 else None,
        "next_url": url_with(page=result.page_number + 1) if result.page_number < result.num_pages else None,
    }
    return TemplateResponse(request, "search/search.html", context, status=status)
