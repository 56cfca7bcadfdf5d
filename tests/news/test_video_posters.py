"""The server fetches a YouTube clip's picture once, on publishing, and pages show it as a local poster."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from wagtail.images.tests.utils import get_test_image_file

from home import tasks
from home.models import VideoPoster
from tests.factories import CaseLibraryPageFactory, CasePageFactory

from .conftest import NewsPageFactory
from .test_video_facade import CLIP, third_party_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def youtube(settings, monkeypatch):
    """Poster fetching on, tasks in the test's process, and YouTube's answers recorded, not fetched."""
    settings.FETCH_VIDEO_POSTERS = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()  # renditions are cached by image id, which the rolled-back tests before reused
    asked = []

    def download(url):
        asked.append(url)
        return get_test_image_file().file.getvalue()

    monkeypatch.setattr(tasks, "download", download)
    return asked


def test_publishing_a_clip_fetches_its_poster_once_and_pages_show_it(
    client, news_index, youtube, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video", "value": CLIP}])
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, slug="again", body=[{"type": "video", "value": CLIP}])

    assert youtube == ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"]
    poster = VideoPoster.objects.get(video_id="aqz-KE-bpKQ")
    html = BeautifulSoup(client.get("/uk/news/clip/").content, "html.parser")
    assert third_party_sources(html) == []
    src = html.select_one(".video-facade img.video-facade__poster")["src"]
    assert src.startswith("/media/images/") and f"video-poster-{poster.video_id}" in src


def test_a_case_video_gets_its_poster_on_publishing(client, site_tree, youtube, django_capture_on_commit_callbacks):
    library = CaseLibraryPageFactory(parent=site_tree.home_uk)
    with django_capture_on_commit_callbacks(execute=True):
        case = CasePageFactory(parent=library, video_url="https://youtu.be/dQw4w9WgXcQ")

    html = BeautifulSoup(client.get(case.get_url()).content, "html.parser")
    assert youtube == ["https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"]
    assert "video-poster-dQw4w9WgXcQ" in html.select_one(".video-facade img")["src"]


def test_when_youtube_cannot_be_reached_the_page_keeps_the_neutral_poster(
    client, news_index, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.FETCH_VIDEO_POSTERS = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    def unreachable(url):
        raise OSError("no route to host")

    monkeypatch.setattr(tasks, "download", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video", "value": CLIP}])

    assert not VideoPoster.objects.exists()
    html = BeautifulSoup(client.get("/uk/news/clip/").content, "html.parser")
    assert html.select_one(".video-facade img")["src"] == "/static/img/video-poster.svg"


def test_nothing_is_fetched_when_fetching_is_off(news_index, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.FETCH_VIDEO_POSTERS = False
    monkeypatch.setattr(tasks, "download", lambda url: pytest.fail(f"fetched {url}"))

    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video", "value": CLIP}])

    assert not VideoPoster.objects.exists()


def test_clips_published_before_fetching_was_on_get_their_posters_from_the_command(
    news_index, settings, youtube, django_capture_on_commit_callbacks
):
    settings.FETCH_VIDEO_POSTERS = False
    NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video", "value": CLIP}])
    settings.FETCH_VIDEO_POSTERS = True

    with django_capture_on_commit_callbacks(execute=True):
        call_command("fetch_video_posters", stdout=io.StringIO())

    assert youtube == ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"]
    assert VideoPoster.objects.filter(video_id="aqz-KE-bpKQ").exists()
