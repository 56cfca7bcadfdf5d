"""Locale redirects for public pages only.

Django's LocaleMiddleware answers a 404 on an address without a language prefix by redirecting to
the prefixed address whenever that one resolves; Wagtail's catch-all page route makes every
address resolve, so a missing API object or admin URL would be "redirected" to /uk/api/… instead
of staying a 404. Addresses outside the public pages keep their own answers.
"""

from django.middleware.locale import LocaleMiddleware

UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
    "/robots.txt",
    "/sitemap.xml",
)


class PublicPageLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
