"""Which webhook addresses the site may POST to: a guard against requests to the site's own network.

An operator's endpoint URL makes the server send requests on the operator's behalf, from inside the
hosting network. A URL naming a loopback, private, link-local (cloud metadata services live there),
reserved or multicast address would let the admin probe or poke services that are not public. So
every address the host name resolves to must be public (unless ``WEBHOOKS_ALLOW_PRIVATE_ADDRESSES``
says otherwise, for a receiver on the site's own network), and production sends over HTTPS, plain
HTTP going only to such a receiver. The check runs when the endpoint is saved, and again on every
connection a delivery makes, to the address it checked: what a name resolves to can change.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError


def resolve(hostname, port):
    """The IP addresses ``hostname`` resolves to, in the resolver's order (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(
            _("The host %(host)s cannot be resolved."), code="unresolvable", params={"host": hostname}
        ) from error
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos))


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
    check_addresses(parts.hostname, addresses)
    if parts.scheme == "http" and not settings.DEBUG and any(is_public(address) for address in addresses):
        raise https_error


def check_addresses(hostname, addresses):
    """Raise ValidationError when one of ``hostname``'s addresses is not public and that is not allowed."""
    private = [address for address in addresses if not is_public(address)]
    if private and not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:
        raise ValidationError(
            _(
                "The host %(host)s resolves to %(address)s, a private, loopback or reserved address; "
                "webhooks go to public addresses only."
            ),
            code="private",
            params={"host": hostname, "address": str(private[0])},
        )


def checked_addresses(hostname, port):
    """The addresses to connect to for ``hostname``, once every address it resolves to passed the check."""
    addresses = resolve(hostname, port)
    check_addresses(hostname, addresses)
    return addresses


class CheckedAddressMixin:
    """Connections to the very addresses just checked, so a name cannot resolve to a public address for
    the check and to a private one for the connection (DNS rebinding); TLS still verifies the name."""

    def _new_conn(self):
        try:
            addresses = checked_addresses(self.host, self.port)
        except ValidationError as error:
            raise NewConnectionError(self, " ".join(error.messages)) from error
        name = self._dns_host
        try:
            for address in addresses:  # in the resolver's order, as a plain connection tries them
                self._dns_host = str(address)  # the TCP connection only: TLS and the Host header keep the name
                try:
                    return super()._new_conn()
                except NewConnectionError:
                    if address == addresses[-1]:
                        raise
        finally:
            self._dns_host = name


class CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = type("CheckedHTTPConnection", (CheckedAddressMixin, HTTPConnection), {})


class CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = type("CheckedHTTPSConnection", (CheckedAddressMixin, HTTPSConnection), {})


class CheckedAddressAdapter(HTTPAdapter):
    """A requests transport whose every connection goes to an address ``check_addresses`` allowed."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": CheckedHTTPConnectionPool,
            "https": CheckedHTTPSConnectionPool,
        }


def checked_session():
    """A requests session for webhooks: checked addresses only, and no proxy or credentials from the environment."""
    session = requests.Session()
    session.trust_env = False
    adapter = CheckedAddressAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
