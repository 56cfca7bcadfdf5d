"""Factories and fixtures of the news tests: news indexes in both languages, documents and images."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from news.models import NewsIndexPage, NewsPage, VideoGalleryPage
from tests.factories import PageFactory, translate

WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\n\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd1\x96\xd1\x82\n"


class NewsIndexPageFactory(PageFactory):
    title = "Новини"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    title = "Новина"
    intro = "Коротко про головне."
    date = datetime.date(2013, 3, 15)

    class Meta:
        model = NewsPage

    @classmethod
    def _create(cls, model_class, *args, parent, tags=(), **kwargs):
        page = model_class(*args, **kwargs)
        page.tags.set(list(tags))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


class VideoGalleryPageFactory(PageFactory):
    title = "Відео"
    slug = "videos"

    class Meta:
        model = VideoGalleryPage


def document(name, content=b"\x00\x00\x00\x18ftypmp42"):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


@pytest.fixture
def news_index(site_tree):
    return NewsIndexPageFactory(parent=site_tree.home_uk)


@pytest.fixture
def news_index_en(news_index):
    return translate(news_index, "en", title="News")


@pytest.fixture
def image():
    return Image.objects.create(title="Конференція", file=get_test_image_file())


@pytest.fixture
def video_file_value(image):
    """A video file block's value: an MP4 with a poster and Ukrainian and English subtitles."""
    return {
        "video": document("clip.mp4").pk,
        "title": "Як подати кейс",
        "poster": image.pk,
        "subtitles": [
            {"file": document("clip.uk.vtt", WEBVTT).pk, "language": "uk", "label": "Українська"},
            {"file": document("clip.en.vtt", WEBVTT).pk, "language": "en", "label": "English"},
        ],
        "caption": "Покроково",
        "transcript": "",
    }
