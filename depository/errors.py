"""The site's own error pages: 404, 500, and 503 while the database is unavailable.

Django's defaults are bare English pages. These are in the visitor's language (from the address
prefix, else the browser's Accept-Language) with the site's header, a search box and a way home,
and they are rendered with no request context: no context processor, Wagtail Site lookup or menu
can touch the database, so the 500 and 503 pages still answer when the database does not.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# What Django raises when the database cannot be reached or its connection broke.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds a client is asked to wait before trying again while the database is unavailable.
RETRY_AFTER = 30


def render_error_page(request, template_name, status, context=None):
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        body = loader.render_to_string(template_name, {"request_path": request.path, **(context or {})})
    response = HttpResponse(body, status=status)
    response.headers["Content-Language"] = language
    return response


def page_not_found(request, exception):
    """The 404 page; under /api/ the API's error shape, also for addresses no endpoint matches."""
    from .bad_input import API_PATH, json_error

    if request.path_info.startswith(API_PATH):
        return json_error(_("There is nothing at this address of the API."), status=404)
    return render_error_page(request, "404.html", 404)


def database_unavailable(request):
    """503 with Retry-After: the request may succeed once the database is back; never cached.

    API clients get the API's error shape; visitors the 503 page.
    """
    from .bad_input import API_PATH, json_error  # bad_input renders its page with this module

    if request.path_info.startswith(API_PATH):
        with translation.override(translation.get_language_from_request(request)):
            response = json_error(_("The service is temporarily unavailable; try again shortly."), status=503)
    else:
        response = render_error_page(request, "503.html", 503, {"retry_after": RETRY_AFTER})
    response.headers["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def server_error(request):
    # Django calls the 500 handler while it handles the exception, so the exception is at hand: a
    # database error raised outside a view (in a middleware, e.g. saving the session) is an outage too.
    if isinstance(sys.exception(), DATABASE_ERRORS):
        return database_unavailable(request)
    return render_error_page(request, "500.html", 500)
