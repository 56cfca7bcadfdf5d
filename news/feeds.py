"""RSS 2.0 and Atom 1.0 feeds of a news index: its live public news, newest first.

The feeds are routes of the index page (``feed/rss/`` and ``feed/atom/``), so each language has its
own at ``/<language>/<index>/feed/…`` and lists only that language's news.
"""

import uuid
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.site_url import absolute_url, page_url

from .videos import page_clips

FEED_LENGTH = 30
# The publisher of the news, named as in the site's footer.
ORGANISATION = gettext_lazy("Association of local self-government bodies “E-Governance Cities of Ukraine”")


def organisation(request):
    """The publisher as a schema.org Organization."""
    return {"@type": "Organization", "name": str(ORGANISATION), "url": absolute_url("/")}


class RssNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return _("%(title)s · Depository of e-governance best practices") % {"title": index.title}

    def link(self, index):
        return page_url(index, self.request)

    def feed_url(self, index):
        return absolute_url(self.request.path)

    def description(self, index):
        return index.intro or _("News of the depository of e-governance best practices.")

    def author_name(self, index):
        return str(ORGANISATION)

    def items(self, index):
        return index.news().select_related("locale").prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        """Stable through renames and moves: made of the page's translation key and language."""
        return f"urn:uuid:{uuid.uuid5(item.translation_key, item.locale.language_code)}"

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and timezone.localdate(published) == item.date:
            return published
        # Noon, so that readers in other time zones still show the publication date.
        return timezone.make_aware(datetime.combine(item.date, time(12)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item):
        """The first uploaded video of the news, for podcast-style readers."""
        clip = next((clip for clip in page_clips(item) if clip.document), None)
        if clip is None:
            return []
        url = absolute_url(clip.document.url)
        return [Enclosure(url, str(clip.document.file_size or 0), clip.mime_type)]


class AtomNewsFeed(RssNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
