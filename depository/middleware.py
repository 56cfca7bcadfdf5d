"""The project's middleware: locale redirects for public pages only; bad input and oversized requests;
the Content-Security-Policy of the admin; a database outage as 503; the API's origins and ETags.

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

from csp import constants as csp_constants
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.middleware.locale import LocaleMiddleware
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from .bad_input import API_PATH, InvalidParameter, error_response
from .errors import DATABASE_ERRORS, database_unavailable

logger = logging.getLogger(__name__)

ADMIN_PATH = "/admin/"
UNPREFIXED_PATHS = (
    "/api/",
    ADMIN_PATH,
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


NUL = "\x00"
# The site search takes any text and keeps only its words (search/query.py), NUL included.
FREE_TEXT_PARAMETERS = frozenset({"q"})


def _path_parameter(path):
    """The name of the address's part that holds a NUL: the URL pattern's argument, or "path"."""
    try:
        match = resolve(path)
    except Resolver404:
        return "path"
    return next((name for name, value in match.kwargs.items() if NUL in str(value)), "path")


class BadInputMiddleware:
    """A NUL character in the address or a query parameter answers 400 naming where it is.

    Nobody types a NUL; PostgreSQL refuses it in any text it is given, so one that reached a query (a
    locale, a category, a slug in the page path, a registration token) answered 500. Checked once here,
    before any view or Wagtail's redirects read the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if NUL in name or (name not in FREE_TEXT_PARAMETERS and any(NUL in value for value in values)):
                field = name.replace(NUL, "")
                raise InvalidParameter(field, _("%(field)s must not contain NUL characters.") % {"field": field})
        if NUL in request.path_info:
            field = _path_parameter(request.path_info)
            raise InvalidParameter(field, _("%(field)s must not contain NUL characters.") % {"field": field})
        return self.get_response(request)


class PublicRequestSizeMiddleware:
    """A request body over ``PUBLIC_REQUEST_MAX_SIZE`` answers 413 everywhere but the admin.

    Django caps the form fields it holds in memory (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but writes file
    parts to disk whatever their size, so a public form took a 50 MB file. Editors upload documents
    and videos up to ``WAGTAILDOCS_MAX_UPLOAD_SIZE`` in the admin, which keeps its own limits; the
    addresses that take participants' files (``PUBLIC_UPLOAD_PATHS``) allow ``PUBLIC_UPLOAD_MAX_SIZE``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or ""
        uploads = settings.PUBLIC_UPLOAD_PATHS.match(request.path_info)
        limit = settings.PUBLIC_UPLOAD_MAX_SIZE if uploads else settings.PUBLIC_REQUEST_MAX_SIZE
        if length.isdecimal() and int(length) > limit and not request.path_info.startswith(ADMIN_PATH):
            message = _("The request is larger than %(size)s, the most this site accepts.") % {
                "size": filesizeformat(limit)
            }
            return error_response(request, message, status=413)
        return self.get_response(request)


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


# What Wagtail's admin needs beyond the public pages' policy: its widgets and panels still run
# inline scripts and set inline styles, and the accessibility checker (axe-core) compiles its
# messages with new Function(). A nonce would switch 'unsafe-inline' off in browsers, so the
# admin's script-src has none. Page previews are framed by the admin itself.
ADMIN_POLICY_REPLACE = {
    "script-src": [csp_constants.SELF, csp_constants.UNSAFE_INLINE, csp_constants.UNSAFE_EVAL],
    "style-src": [csp_constants.SELF, csp_constants.UNSAFE_INLINE],
    "frame-ancestors": [csp_constants.SELF],
}
ADMIN_POLICY_UPDATE = {
    "img-src": ["blob:"],  # upload previews
    "font-src": ["data:"],
    # The preview panel, and the other frontend it frames for editors (home/headless_preview.py).
    "frame-src": [csp_constants.SELF, *settings.HEADLESS_PREVIEW_ORIGINS],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY), with the admin's additions under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PATH):
            parts.replace = {**ADMIN_POLICY_REPLACE, **(parts.replace or {})}
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
        return parts


class ApiOriginMiddleware:
    """Cross-origin reads of the API only from the origins in ``CORS_ALLOWED_ORIGINS``.

    django-cors-headers (just after this) adds the CORS headers for an allowed origin and would leave
    them out for another, so that the browser hides the answer; here the refusal is also said, a 403
    in the API's error shape, for the developer of the other frontend to read. The site's own
    origin is always allowed: its pages call the API too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        if origin and request.path_info.startswith(API_PATH) and not origin_allowed(origin):
            message = _("The origin %(origin)s may not read this API from a browser.") % {"origin": origin}
            return error_response(request, message, field="Origin", status=403)
        return self.get_response(request)


def origin_allowed(origin):
    return origin.rstrip("/") in {settings.SITE_URL.rstrip("/"), *settings.CORS_ALLOWED_ORIGINS}


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """API answers carry an ETag (and pages a Last-Modified); a conditional GET that matches gets 304."""

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PATH):
            return response
        return super().process_response(request, response)
