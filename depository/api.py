"""The headless JSON API router (Wagtail API v2).

Apps add filters to the pages endpoint through the ``API_PAGE_FILTERS`` hook (see hooks.py), so
nothing here lists content types by hand.
"""

from wagtail import hooks
from wagtail.api.v2 import views
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.api import ServiceSearchFilter

from .hooks import API_PAGE_FILTERS


class PagesAPIViewSet(views.PagesAPIViewSet):
    # ``search=`` goes through the site's search service, like the search page and /api/v2/search/.
    filter_backends = [
        ServiceSearchFilter if backend is SearchFilter else backend for backend in views.PagesAPIViewSet.filter_backends
    ]

    @classmethod
    def app_filters(cls):
        return [backend for register in hooks.get_hooks(API_PAGE_FILTERS) for backend in register()]

    def filter_queryset(self, queryset):
        for backend in self.app_filters():
            queryset = backend().filter_queryset(self.request, queryset, self)
        return super().filter_queryset(queryset)

    def check_query_parameters(self, queryset):
        claimed = {name for backend in self.app_filters() for name in backend.query_parameters}
        self.known_query_parameters = self.known_query_parameters.union(claimed)
        super().check_query_parameters(queryset)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
