"""The footer's links, from the apps' ``FOOTER_LINKS`` hooks, kept in the cache.

Every page shows them and they change only when pages do: all locales' links live under one cache
key, which any publication, unpublication, move or deletion of a page deletes. The time limit bounds
the staleness should a change ever reach the database some other way.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from depository.hooks import FOOTER_LINKS

CACHE_KEY = "footer-links"
CACHE_SECONDS = 3600


def links_for(request, home):
    """``[(label, url)]`` for the locale of ``home`` in the current language."""
    known = cache.get(CACHE_KEY) or {}
    key = (home.pk, get_language())
    if key not in known:
        links = []
        for describe in hooks.get_hooks(FOOTER_LINKS):
            links.extend((str(label), url) for label, url in describe(request, home.specific) or [])
        known = {**known, key: links}
        cache.set(CACHE_KEY, known, CACHE_SECONDS)
    return known[key]


def forget_links(sender=None, instance=None, **kwargs):
    if instance is None or isinstance(instance, Page):
        cache.delete(CACHE_KEY)


def connect_signals():
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move, post_delete):
        signal.connect(forget_links, dispatch_uid="home.footer.forget_links")
