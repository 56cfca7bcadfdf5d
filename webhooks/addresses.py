"""Which webhook addresses the site may POST to: a guard against requests to the site's own network.

An operator's endpoint URL makes the server send requests on the operator's behalf, from inside the
hosting network. A URL naming a loopback, private, link-local (cloud metadata services live there),
reserved or multicast address would let the admin probe or poke services that are not public. So
every address the host name resolves to must be public (unless ``WEBHOOKS_ALLOW_PRIVATE_ADDRESSES``
says otherwise, for a receiver on the site's own network), and production sends over HTTPS, plain
HTTP going only to such a receiver. The check runs when the endpoint is saved and again before every
delivery: what a name resolves to can change after it was saved.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def resolve(hostname, port):
    """Every IP address ``hostname`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(
            _("The host %(host)s cannot be resolved."), code="unresolvable", params={"host": hostname}
        ) from error
    return {ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos}


def is_public(address):
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def check_webhook_url(url):
    """Raise ValidationError unless the site may deliver webhooks to ``url``.

    Production sends over HTTPS; plain HTTP only stays inside the site's own network, to a host
    that resolves to private addresses only, where ``WEBHOOKS_ALLOW_PRIVATE_ADDRESSES`` allows them.
    """
    parts = urlsplit(url)
    allow_private = settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES
    https_error = ValidationError(_("Webhook addresses must start with https://."), code="scheme")
    if parts.scheme not in {"http", "https"} or (parts.scheme == "http" and not settings.DEBUG and not allow_private):
        raise https_error
    try:
        port = parts.port
    except ValueError as error:
        raise ValidationError(_("The address has an invalid port."), code="port") from error
    if not parts.hostname:
        raise ValidationError(_("The address has no host name."), code="host")
    if parts.username or parts.password:
        raise ValidationError(_("The address must not contain a user name or password."), code="credentials")
    addresses = resolve(parts.hostname, port or (443 if parts.scheme == "https" else 80))
    private = sorted((address for address in addresses if not is_public(address)), key=str)
    if private and not allow_private:
        raise ValidationError(
            _(
                "The host %(host)s resolves to %(address)s, a private, loopback or reserved address; "
                "webhooks go to public addresses only."
            ),
            code="private",
            params={"host": parts.hostname, "address": str(private[0])},
        )
    if parts.scheme == "http" and not settings.DEBUG and len(private) < len(addresses):
        raise https_error
