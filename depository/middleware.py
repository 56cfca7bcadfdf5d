"""The project's middleware: locale redirects for public pages only, and a database outage as 503.

Django's LocaleMiddleware answers a 404 on an address without a language prefix by redirecting to
the prefixed address whenever that one resolves; Wagtail's catch-all page route makes every
address resolve, so a missing API object or admin URL would be "redirected" to /uk/api/… instead
of staying a 404. Addresses outside the public pages keep their own answers.

When PostgreSQL is down, a view fails with OperationalError (or InterfaceError on a broken
connection). That is no bug of the page: the visitor gets 503 with Retry-After and a page in their
language that needs no database (depository/errors.py), and the log gets one line, not a traceback.
The connection is opened again by the next request, so the site recovers by itself.
"""

import logging

from django.middleware.locale import LocaleMiddleware

from .errors import DATABASE_ERRORS, database_unavailable

logger = logging.getLogger(__name__)

UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
    "/robots.txt",
    "/sitemap.xml",
)


class PublicPageLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class DatabaseUnavailableMiddleware:
    """Answers 503 when a view fails because the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error("database unavailable for %s: %s: %s", request.path, type(exception).__name__, exception)
        return database_unavailable(request)
