"""Rate limits of the public forms: one mechanism, per client and per e-mail address.

A form that makes the site act (save a registration, send an e-mail) can be driven by a script: one
client registered 100 times in 7 seconds and made the site mail 100 addresses. Each form names its
action, and settings.RATE_LIMITS gives the action's limits ("count/period") per key: ``client`` (the
address from depository/clients.py; IPv6 clients by their /64 network, which one household or
office gets) and ``address`` (the e-mail address typed in, so that nobody is mailed again and again
from many clients). Every submission counts, valid or not.

The counters live in the configured cache (django-ratelimit's fixed windows, with atomic increments
on Redis). A cache that fails lets submissions through, with a log line: a limit that stops real
visitors while Redis is away would be worse than a short time without one.
"""

import ipaddress
import logging
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from .clients import client_address

logger = logging.getLogger(__name__)

MESSAGES = {
    "client": _("Too many submissions from your connection."),
    "address": _("Too many submissions for this e-mail address."),
}


def retry_message(reason, seconds):
    """``reason`` and when to try again, in whole minutes."""
    minutes = max(1, -(-seconds // 60))
    retry = ngettext("Try again in %(minutes)d minute.", "Try again in %(minutes)d minutes.", minutes)
    return f"{reason} {retry % {'minutes': minutes}}"


def too_many_requests(request, message, retry_after, template="too_many_requests.html", context=None):
    """The 429 answer, in the visitor's language, with Retry-After; a form can be shown in it again."""
    response = render(request, template, {**(context or {}), "message": message}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


@dataclass(frozen=True)
class Exceeded:
    """A limit a submission went over: which key, and in how many seconds its window ends."""

    key: str
    retry_after: int

    @property
    def message(self):
        return retry_message(MESSAGES[self.key], self.retry_after)


def client_network(request):
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False)) if parsed.version == 6 else str(parsed)


def check(request, action, *, address=None):
    """Count this submission of ``action``; the first limit it goes over, or None.

    Every key is counted even when an earlier one is over, so that a client going round the
    address limit is still counted as the client it is.
    """
    values = {"client": client_network(request), "address": (address or "").strip().lower()}
    exceeded = None
    for key, rate in settings.RATE_LIMITS[action].items():
        if not values[key]:
            continue
        try:
            usage = get_usage(
                request,
                group=f"{action}:{key}",
                key=lambda group, request, value=values[key]: value,
                rate=rate,
                increment=True,
            )
        except Exception as error:  # noqa: BLE001 - a failing cache must not stop the form
            logger.warning(
                "rate limit %s:%s not checked, the cache failed: %s: %s", action, key, type(error).__name__, error
            )
            continue
        if usage is None:  # the cache could not count (RATELIMIT_FAIL_OPEN): let it through
            continue
        if usage["should_limit"] and exceeded is None:
            exceeded = Exceeded(key, max(1, usage["time_left"]))
    if exceeded:
        logger.info("rate limit %s:%s reached by %s", action, exceeded.key, values["client"])
    return exceeded


def limit_clients(action):
    """A view decorator: every request counts towards the client's limit of ``action``; over it, 429."""

    def decorator(view):
        @wraps(view)
        def limited_view(request, *args, **kwargs):
            if exceeded := check(request, action):
                response = too_many_requests(request, exceeded.message, exceeded.retry_after)
                add_never_cache_headers(response)
                return response
            return view(request, *args, **kwargs)

        return limited_view

    return decorator
