from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events import api as events_api
from home.sitemaps import LocalizedSitemap
from practices import views as opendata_views
from search import api as search_api
from search import views as search_views

from . import logins, media
from .api import api_router
from .api_schema import ApiDocsView
from .health import healthz, readyz

# Bad input answers 400 with its message: JSON under /api/, the 400 page elsewhere.
handler400 = "depository.bad_input.bad_request"
# The site's own error pages, in the visitor's language; the 500 and 503 pages need no database.
handler404 = "depository.errors.page_not_found"
handler500 = "depository.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    # Browsers and feed readers ask for /favicon.ico whatever the page says. Lazy: the static files'
    # manifest is read at the first request, not when the URLs are imported.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.ico")), name="favicon"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/search/", search_api.search, name="api_search"),
    path("api/v2/search/suggest/", search_api.suggestions, name="api_search_suggest"),
    path("api/v2/opendata/catalog.jsonld", opendata_views.JsonLdCatalogView.as_view(), name="opendata_catalog_jsonld"),
    path("api/v2/opendata/catalog.rdf", opendata_views.RdfXmlCatalogView.as_view(), name="opendata_catalog_rdf"),
    path("api/v2/opendata/catalog.ttl", opendata_views.TurtleCatalogView.as_view(), name="opendata_catalog_ttl"),
    path("api/v2/opendata/cases.csv", opendata_views.CsvCasesView.as_view(), name="opendata_cases_csv"),
    path("api/v2/opendata/cases.jsonl", opendata_views.JsonLinesCasesView.as_view(), name="opendata_cases_jsonl"),
    path("api/v2/events/calendar.ics", events_api.CalendarView.as_view(), name="api_events_calendar"),
    path("api/v2/", api_router.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", ApiDocsView.as_view(), name="api_docs"),
]

if settings.MEDIA_STORAGE == "local":
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media.serve_media, name="media"))

# Public pages carry their locale (/uk/…, /en/…); LocaleMiddleware redirects / by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("events/", include("events.urls")),
    path("accounts/", include("allauth.urls")),
    path("contest/", include("contest.urls")),
    # Before Wagtail's own route of the same address: the page-password form, throttled.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        logins.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
