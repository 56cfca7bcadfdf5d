"""Uploaded media are served with DEBUG off: local files by the application, or an S3-compatible bucket."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.http import Http404
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from depository.media import serve_media

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def production_mode(settings):
    settings.DEBUG = False


def test_an_image_rendition_is_served_with_long_lived_caching(client):
    image = Image.objects.create(title="Конференція", file=get_test_image_file())
    rendition = image.get_rendition("fill-100x100")

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age=2592000" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == rendition.file.open("rb").read()


def test_a_second_request_is_answered_from_the_browsers_copy(client):
    image = Image.objects.create(title="Конференція", file=get_test_image_file())
    first = client.get(image.file.url)

    again = client.get(image.file.url, headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == 304


@pytest.mark.parametrize("path", ["/media/", "/media/nothing.png", "/media/original_images/"])
def test_only_uploaded_files_are_served(client, path):
    Image.objects.create(title="Конференція", file=get_test_image_file())

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["../depository/settings.py", "original_images/../../manage.py", "/etc/passwd"])
def test_nothing_outside_the_uploads_is_reached(rf, settings, path):
    settings.MEDIA_ROOT = settings.BASE_DIR / "var" / "media"

    with pytest.raises(Http404):
        serve_media(rf.get("/media/x"), path)


def test_a_public_documents_file_is_served_and_a_private_ones_is_not(client):
    public = Document.objects.create(title="Субтитри", file=ContentFile(b"WEBVTT\n", name="clip.vtt"))
    private_collection = Collection.get_first_root_node().add_child(name="Лише для організаторів")
    CollectionViewRestriction.objects.create(collection=private_collection, restriction_type="login")
    private = Document.objects.create(
        title="Кошторис", file=ContentFile(b"secret", name="budget.txt"), collection=private_collection
    )

    assert client.get(public.file.url).status_code == 200
    assert client.get(private.file.url).status_code == 404
    assert client.get(f"/media/original_images/../{private.file.name}").status_code == 404


def test_uploads_are_read_only(client):
    image = Image.objects.create(title="Конференція", file=get_test_image_file())

    assert client.post(image.file.url).status_code == 405


def settings_of(tmp_path, with_boto3=True, **environment):
    """The storage and img-src that depository.settings gives for ``environment``, read in a fresh interpreter."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "MEDIA_"))}
    env.update(environment)
    if with_boto3:  # boto3 is an optional install: the settings only look for it
        (tmp_path / "boto3").mkdir()
        (tmp_path / "boto3" / "__init__.py").write_text("")
        env["PYTHONPATH"] = str(tmp_path)
    script = "import json, depository.settings as s; "
    script += "print(json.dumps([s.STORAGES['default'], s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=120
    )


def test_an_s3_compatible_bucket_is_configured_from_the_environment(tmp_path):
    result = settings_of(
        tmp_path,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="depository-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
    )

    storage, img_src = json.loads(result.stdout.strip().splitlines()[-1])
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "depository-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert storage["OPTIONS"]["querystring_auth"] is True
    assert storage["OPTIONS"]["object_parameters"] == {"CacheControl": "public, max-age=2592000"}
    assert "https://s3.example.net" in img_src and "https://*.s3.example.net" in img_src


def test_local_storage_is_the_default(tmp_path):
    storage, img_src = json.loads(settings_of(tmp_path).stdout.strip().splitlines()[-1])

    assert storage["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert img_src == ["'self'", "data:"]


@pytest.mark.parametrize(
    ("environment", "with_boto3", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, True, "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME"),
        pytest.param(
            {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "media"},
            False,
            "MEDIA_STORAGE=s3 needs the S3 client",
            marks=pytest.mark.skipif(importlib.util.find_spec("boto3") is not None, reason="boto3 is installed here"),
        ),
        ({"MEDIA_STORAGE": "ftp"}, True, "MEDIA_STORAGE must be local or s3, not 'ftp'."),
    ],
)
def test_an_incomplete_storage_setting_stops_with_one_line(tmp_path, environment, with_boto3, message):
    result = settings_of(tmp_path, with_boto3=with_boto3, **environment)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(message)
