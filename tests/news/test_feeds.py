import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import translate

from .conftest import NewsPageFactory, document

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


@pytest.fixture
def news(news_index, news_index_en):
    """Three live Ukrainian news, a Ukrainian draft and one English translation."""
    older = NewsPageFactory(parent=news_index, title="Старт проєкту", slug="launch", date=datetime.date(2013, 1, 29))
    newest = NewsPageFactory(
        parent=news_index, title="Конференція", slug="conference", date=datetime.date(2013, 10, 17), tags=["подія"]
    )
    middle = NewsPageFactory(parent=news_index, title="Конкурс", slug="contest", date=datetime.date(2013, 3, 15))
    draft = NewsPageFactory(parent=news_index, title="Чернетка", slug="draft", date=datetime.date(2013, 12, 1))
    draft.unpublish()
    english = translate(middle, "en", title="Contest", intro="The contest is open.")
    return older, middle, newest, english


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_lists_the_live_news_of_its_language_newest_first(client, news, kind):
    parsed = feed(client, f"/uk/news/feed/{kind}/")

    assert [entry.title for entry in parsed.entries] == ["Конференція", "Конкурс", "Старт проєкту"]
    assert parsed.entries[0].link.endswith("/uk/news/conference/")
    assert parsed.entries[0].summary == "Коротко про головне."
    assert parsed.entries[0].published_parsed[:3] == (2013, 10, 17)
    assert [tag.term for tag in parsed.entries[0].tags] == ["подія"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_english_feed_lists_only_english_news(client, news, kind):
    parsed = feed(client, f"/en/news/feed/{kind}/")

    assert [entry.title for entry in parsed.entries] == ["Contest"]
    assert parsed.entries[0].link.endswith("/en/news/contest/")


def test_feed_is_titled_and_declared_in_the_language_of_its_index(client, news):
    parsed = feed(client, "/en/news/feed/rss/")

    assert parsed.feed.title.startswith("News · ")
    assert parsed.feed.language == "en"


def test_entry_id_survives_a_new_title_and_address(client, news):
    older = news[0]
    before = {entry.title: entry.id for entry in feed(client, "/uk/news/feed/atom/").entries}["Старт проєкту"]

    older.title, older.slug = "Проєкт стартував", "project-started"
    older.save_revision().publish()

    after = {entry.title: entry.id for entry in feed(client, "/uk/news/feed/atom/").entries}["Проєкт стартував"]
    assert after == before
    assert before.startswith("urn:uuid:")


def test_rss_item_encloses_its_uploaded_video(client, news_index, video_file_value):
    NewsPageFactory(parent=news_index, slug="with-clip", body=[{"type": "video_file", "value": video_file_value}])

    enclosure = feed(client, "/uk/news/feed/rss/").entries[0].enclosures[0]

    assert enclosure.href.startswith("http://") and enclosure.href.endswith("clip.mp4")
    assert enclosure.type == "video/mp4"


def test_empty_index_gives_a_valid_empty_feed(client, news_index):
    assert feed(client, "/uk/news/feed/rss/").entries == []


def test_news_index_links_its_feeds_in_the_page_head(client, news):
    head = BeautifulSoup(client.get("/uk/news/").content, "html.parser").head

    assert head.find("link", rel="alternate", type="application/rss+xml")["href"] == "/uk/news/feed/rss/"
    assert head.find("link", rel="alternate", type="application/atom+xml")["href"] == "/uk/news/feed/atom/"


def test_subtitle_documents_are_not_enclosed(client, news_index):
    NewsPageFactory(
        parent=news_index,
        slug="with-link",
        body=[{"type": "documents", "value": {"title": "", "documents": [document("clip.en.vtt", b"WEBVTT\n").pk]}}],
    )

    assert feed(client, "/uk/news/feed/rss/").entries[0].get("enclosures") == []
