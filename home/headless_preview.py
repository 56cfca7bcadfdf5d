"""Previews of drafts in another frontend (wagtail-headless-preview), behind signed, expiring tokens.

With ``HEADLESS_PREVIEW_URL`` set, editors get a second preview mode, "In the other frontend":
the draft as the editor sees it is stored (the package's ``PagePreview``) under a token signed with
the site's ``SECRET_KEY`` and the time, and the preview panel frames the frontend's address with
``?content_type=…&token=…``. The frontend asks ``/api/v2/page_preview/`` with both and gets the
draft in the pages API's shape (depository/api.py). A token older than ``HEADLESS_PREVIEW_MAX_AGE``
seconds is refused, although the package keeps previews for a day.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail_headless_preview.models import HeadlessPreviewMixin

FRONTEND_MODE = "frontend"


class FrontendPreviewMixin(HeadlessPreviewMixin):
    @property
    def preview_modes(self):
        modes = super().preview_modes
        if settings.HEADLESS_PREVIEW_URL:
            modes = [*modes, (FRONTEND_MODE, _("In the other frontend"))]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != FRONTEND_MODE or not settings.HEADLESS_PREVIEW_URL:
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)  # the site's own page
        preview = self.create_page_preview()
        context = {"page": self, "preview_url": self.get_preview_url(request, preview.token)}
        return render(request, "home/frontend_preview.html", context)

    @classmethod
    def get_page_from_preview_token(cls, token):
        """The draft behind ``token``; ``SignatureExpired`` once it is too old, ``BadSignature`` if forged."""
        cls.get_preview_signer().unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
        return super().get_page_from_preview_token(token)
