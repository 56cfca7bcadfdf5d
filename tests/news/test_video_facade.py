"""A news page with a YouTube clip asks nothing of YouTube until the visitor presses play."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import translate

from .conftest import NewsPageFactory

pytestmark = pytest.mark.django_db

CLIP = {"url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "title": "Ролик про кейс", "caption": ""}


def third_party_sources(html):
    """Every address the browser would fetch at once that points at YouTube or its thumbnails."""
    found = []
    for element in html.find_all(True):
        for attribute in ("src", "srcset", "poster", "data"):
            value = element.get(attribute) or ""
            if "youtube" in value or "ytimg" in value or "youtu.be" in value:
                found.append(f"<{element.name} {attribute}={value}>")
    return found


@pytest.fixture
def news_with_clip(news_index, news_index_en):
    page = NewsPageFactory(parent=news_index, slug="clip", body=[{"type": "video", "value": CLIP}])
    translate(page, "en", title="News", body=[{"type": "video", "value": {**CLIP, "title": "A case clip"}}])
    return page


@pytest.mark.parametrize(
    ("url", "name", "note"),
    [
        ("/uk/news/clip/", "Відтворити відео: Ролик про кейс", "Відео надає YouTube"),
        ("/en/news/clip/", "Play video: A case clip", "The video is served by YouTube"),
    ],
    ids=["uk", "en"],
)
def test_news_clip_is_a_local_poster_with_a_play_link_until_pressed(client, news_with_clip, url, name, note):
    response = client.get(url)
    html = BeautifulSoup(response.content, "html.parser")

    assert third_party_sources(html) == []
    assert html.find("iframe") is None
    facade = html.select_one(".video-facade")
    assert facade["data-video-player"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    assert facade.select_one("img.video-facade__poster")["src"].startswith("/")
    play = facade.select_one(".video-facade__play")
    assert play.get_text(" ", strip=True).removeprefix("▶ ") == name
    assert play["href"] == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    assert note in html.select_one(".video-facade__note").get_text()
    assert "https://www.youtube-nocookie.com" in response["Content-Security-Policy"].split("frame-src", 1)[1]


def test_the_player_script_is_self_hosted(client, news_with_clip):
    html = BeautifulSoup(client.get("/uk/news/clip/").content, "html.parser")

    assert [script["src"] for script in html.find_all("script", src=True) if "video" in script["src"]] == [
        "/static/js/video.js"
    ]
