"""Static files in production: hashed names, compressed copies, cached by browsers forever."""

import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture
def collected(settings, tmp_path):
    """The site's own static files collected as production collects them (the apps' left out, for time)."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def serve(path, **headers):
    middleware = WhiteNoiseMiddleware(get_response=lambda request: pytest.fail(f"{path} not served as a file"))
    return middleware(RequestFactory().get(path, headers=headers))


def test_a_stylesheet_is_served_under_its_hashed_name_compressed_and_cached_forever(collected):
    names = [path.name for path in (collected / "css").glob("*.css")]
    hashed = next(name for name in names if re.fullmatch(r"[\w-]+\.[0-9a-f]{12}\.css", name))

    brotli = serve(f"/static/css/{hashed}", accept_encoding="br, gzip")
    gzip = serve(f"/static/css/{hashed}", accept_encoding="gzip")

    assert brotli.status_code == gzip.status_code == 200
    assert brotli["Content-Encoding"] == "br" and gzip["Content-Encoding"] == "gzip"
    assert brotli["Cache-Control"] == FOREVER
    assert "Accept-Encoding" in brotli["Vary"]
