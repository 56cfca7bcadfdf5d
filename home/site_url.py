"""Absolute addresses, all on the site's public base URL, ``settings.SITE_URL``.

E-mails and calendar files leave the site; feeds, the sitemap, the API and the page metadata are read
by programs elsewhere: each link in them must open where people reach the site. The request cannot
say where that is (a worker sending an e-mail has none; behind a proxy its host may be an internal
name), and Wagtail's Site record holds only a host name and a port. So one setting says it, every
absolute address is built here from it, and the default Site record is kept in step with it after
every ``migrate`` (``sync_default_site``), which is what Wagtail's own ``get_full_url`` reads.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)


def absolute_url(url):
    """``url``, a path such as ``/uk/cases/``, as an address on SITE_URL; an absolute ``url`` is kept."""
    if urlsplit(url).scheme:
        return url
    return settings.SITE_URL + "/" + url.lstrip("/")


def page_url(page, request=None):
    """The public address of ``page``, or None when it has no route (it is outside every site)."""
    url = page.get_url(request)
    return absolute_url(url) if url else None


def site_address():
    """``(hostname, port)`` of SITE_URL, as the Wagtail Site record stores them."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """Point the default Wagtail Site at SITE_URL's host and port (connected to ``post_migrate``)."""
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        logger.info("The default site now answers at %s (was %s:%s)", settings.SITE_URL, site.hostname, site.port)
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
