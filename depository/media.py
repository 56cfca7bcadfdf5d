"""Uploaded files served by the application, with DEBUG off as with it on.

WhiteNoise serves only the files that exist when the process starts, and uploads arrive later, so
local media go through this view: Django's static file serving (which refuses paths outside
MEDIA_ROOT, answers If-Modified-Since and streams the file) with long-lived caching headers.
A document's file is served only while its collection is public: Wagtail's /documents/ view checks
that privacy, and a direct /media/documents/ address (subtitle tracks use one) must not bypass it.
With MEDIA_STORAGE=s3 the bucket serves the files (signed URLs) and this route is not mounted.
"""

import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail.documents import get_document_model

DOCUMENTS_PREFIX = "documents/"


def is_public_document(name):
    document = get_document_model().objects.filter(file=name).select_related("collection").first()
    return document is not None and not document.collection.get_view_restrictions().exists()


@require_safe
def serve_media(request, path):
    path = posixpath.normpath(path).lstrip("/")  # as serve() will read it: no way round the check below
    if path.startswith(DOCUMENTS_PREFIX) and not is_public_document(path):
        raise Http404
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation as error:  # a path that leads out of MEDIA_ROOT
        raise Http404 from error
    patch_cache_control(response, public=True, max_age=settings.MEDIA_MAX_AGE)
    return response
