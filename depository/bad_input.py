"""Bad input answers 400 naming the parameter, never 500; one error shape for the whole API.

Fuzzing found inputs that reached a query and failed there (a NUL that PostgreSQL refuses, a number
past 64 bits, a superscript digit that ``str.isdigit`` accepts and ``int`` does not). Views, filters
and middleware raise ``InvalidParameter`` instead; Django turns it into ``bad_request`` (the
project's ``handler400``): the API answers ``{"error": message, "field": parameter}``, as every error
of the API does (README, "Bad input"), and an HTML page answers with the 400 page in the visitor's
language. The page needs no database, so it can also answer a request Django refused before any
view ran (a bad ``Host`` header).
"""

import re

from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.utils.translation import gettext as _

from .errors import render_error_page

API_PATH = "/api/"
# The largest signed 64-bit integer: the widest number PostgreSQL and SQLite hold.
MAX_INTEGER = 2**63 - 1
# Digits in ASCII only: "²" and "٣" are digits to str.isdigit, and "²" is not a number to int().
WHOLE_NUMBER = re.compile(r"[0-9]{1,19}")


class InvalidParameter(BadRequest):
    """A request parameter that cannot be used as given; ``field`` names it."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = str(message)


def whole_number(field, value, maximum=MAX_INTEGER, minimum=0):
    """``value`` as an int from ``minimum`` to ``maximum``, or ``InvalidParameter`` naming ``field``."""
    text = value.strip() if isinstance(value, str) else ""
    if WHOLE_NUMBER.fullmatch(text) and minimum <= int(text) <= maximum:
        return int(text)
    raise InvalidParameter(
        field,
        _("%(field)s must be a whole number from %(minimum)d to %(maximum)d.")
        % {"field": field, "minimum": minimum, "maximum": maximum},
    )


def error_body(message, field=None):
    """The API's one error shape."""
    return {"error": str(message), "field": field}


def json_error(message, field=None, status=400):
    return JsonResponse(error_body(message, field), status=status, json_dumps_params={"ensure_ascii": False})


def error_response(request, message, field=None, status=400):
    """The error as JSON for the API and as the error page for everything else."""
    if request.path_info.startswith(API_PATH):
        return json_error(message, field, status)
    return render_error_page(request, "400.html", status, {"error": message, "field": field, "status": status})


def bad_request(request, exception=None):
    """The project's ``handler400``: the message of an ``InvalidParameter``, a general one otherwise."""
    if isinstance(exception, InvalidParameter):
        return error_response(request, exception.message, exception.field)
    # Other refusals (a bad Host header, too many fields) carry Django's internal wording: not shown.
    return error_response(request, _("The request could not be understood."))
