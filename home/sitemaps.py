"""The XML sitemap: every language's public pages, each with its translations as hreflang alternates.

Wagtail's own sitemap lists the tree under the site's root page, which is the Ukrainian home page
only; Django's ``i18n``/``alternates`` reverse one URL pattern in each language, while Wagtail's
translations are separate pages with slugs of their own. This sitemap lists the trees of every
translation of the root page and gives each page its live public translations, the pages sharing
its translation key (``page.get_translations(inclusive=True)``, read for a whole sitemap page in one
query), plus the default language's address as ``x-default``. Addresses are built on SITE_URL, like
the ``hreflang`` links in the page head, so both always agree.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.site_url import absolute_url


class LocalizedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_root = Q()
        for root in roots:
            in_a_root |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_root).live().public().order_by("path")

    def addresses(self, pages):
        """``{translation_key: {language_code: absolute address}}`` of the live public translations of ``pages``."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        found = defaultdict(dict)
        translations = Page.objects.filter(translation_key__in={page.translation_key for page in pages}).live().public()
        for translation in translations:
            url = translation.get_url(self.request)
            if url:
                found[translation.translation_key][languages[translation.locale_id]] = absolute_url(url)
        return found, languages

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        addresses, languages = self.addresses(pages)
        urls = []
        for item in pages:
            found = addresses[item.translation_key]
            location = found.get(languages[item.locale_id])
            if location is None:
                continue
            alternates = [
                {"lang_code": code, "location": found[code]} for code, _name in settings.LANGUAGES if code in found
            ]
            if settings.LANGUAGE_CODE in found:
                alternates.append({"lang_code": "x-default", "location": found[settings.LANGUAGE_CODE]})
            urls.append({"item": item, "location": location, "lastmod": self.lastmod(item), "alternates": alternates})
        last_modified = [url["lastmod"] for url in urls]
        if last_modified and None not in last_modified:
            self.latest_lastmod = max(last_modified)
        return urls
