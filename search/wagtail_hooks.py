"""Admin wiring of search: synonyms for editors, and the report of queries that found nothing.

Popular queries are Wagtail's own "Search terms" report (search promotions count every query the
search service answers); promotions are Wagtail's search promotions.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym, UnansweredQuery


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)


class UnansweredQueriesReportView(ReportView):
    page_title = _("Queries with no results")
    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-hits"
    index_url_name = "search_unanswered_queries"
    index_results_url_name = "search_unanswered_queries_results"
    columns = [
        Column("query_string", label=_("Query"), sort_key="query_string"),
        Column("language_code", label=_("Language"), sort_key="language_code"),
        NumberColumn("hits", label=_("Searches"), sort_key="hits"),
        DateColumn("last_searched_at", label=_("Last searched"), sort_key="last_searched_at"),
    ]
    list_export = ["query_string", "language_code", "hits", "last_searched_at"]
    export_headings = {
        "query_string": _("Query"),
        "language_code": _("Language"),
        "hits": _("Searches"),
        "last_searched_at": _("Last searched"),
    }

    def get_base_queryset(self):
        return UnansweredQuery.objects.all()

    def dispatch(self, request, *args, **kwargs):
        # The same people as Wagtail's popular "Search terms" report: queries can hold personal data.
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


@hooks.register("register_admin_urls")
def unanswered_queries_urls():
    return [
        path("reports/unanswered-queries/", UnansweredQueriesReportView.as_view(), name="search_unanswered_queries"),
        path(
            "reports/unanswered-queries/results/",
            UnansweredQueriesReportView.as_view(results_only=True),
            name="search_unanswered_queries_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def unanswered_queries_menu_item():
    return AdminOnlyMenuItem(
        _("Queries with no results"), reverse("search_unanswered_queries"), icon_name="search", order=1110
    )
