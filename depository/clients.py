"""Who the client is, for login throttling and rate limits: one answer for both.

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and X-Forwarded-For is whatever the client
wrote followed by what each proxy appended. Only the entries the site's own proxies appended can be
trusted, so TRUSTED_PROXY_COUNT says how many there are; with none (the default) the client is
REMOTE_ADDR and X-Forwarded-For is ignored, so that nobody escapes a limit by inventing one.
"""

import ipaddress

from django.conf import settings


def valid_address(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request):
    """The client's IP address as the outermost trusted proxy (or the server itself) saw it."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return valid_address(hops[-proxies]) or remote
    return remote
