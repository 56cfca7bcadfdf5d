import feedparser
import pytest
from django.core.management import call_command
from wagtail.models import Revision

from news.models import NewsIndexPage, NewsPage, VideoGalleryPage

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_demo_news_exist_in_both_languages_as_translations(client):
    load_demo()

    for model in (NewsIndexPage, VideoGalleryPage, NewsPage):
        uk = {page.translation_key for page in model.objects.live().filter(locale__language_code="uk")}
        en = {page.translation_key for page in model.objects.live().filter(locale__language_code="en")}
        assert uk and uk == en
    assert all(page.is_demo for page in NewsPage.objects.all())
    assert NewsPage.objects.filter(locale__language_code="uk").count() >= 5
    for language_code in ("uk", "en"):
        parsed = feedparser.parse(client.get(f"/{language_code}/news/feed/rss/").content)
        assert parsed.bozo == 0 and len(parsed.entries) >= 5
        videos = client.get(f"/{language_code}/videos/").content.decode()
        assert "video-card__thumbnail" in videos and "i.ytimg.com" not in videos.split("</head>")[1]


def test_demo_news_load_twice_without_new_revisions():
    load_demo()
    revisions = Revision.objects.count()

    load_demo()

    new = Revision.objects.order_by("-pk")[: max(0, Revision.objects.count() - revisions)]
    assert [(type(r.content_object).__name__, str(r.content_object)) for r in new] == []
