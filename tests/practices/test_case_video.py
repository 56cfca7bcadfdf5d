"""A case with a YouTube video asks nothing of YouTube until the visitor presses play."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import CasePageFactory, translate
from tests.news.test_video_facade import third_party_sources

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"),
    [("uk", "Відтворити відео: Е-черга"), ("en", "Play video: E-queue")],
    ids=["uk", "en"],
)
def test_case_video_is_a_local_poster_with_a_play_link_until_pressed(client, library, language, name):
    case = CasePageFactory(parent=library, title="Е-черга", video_url="https://youtu.be/dQw4w9WgXcQ")
    if language == "en":
        translate(library, "en", title="Case library")
        case = translate(case, "en", title="E-queue")

    response = client.get(case.get_url())
    html = BeautifulSoup(response.content, "html.parser")

    assert third_party_sources(html) == []
    assert html.find("iframe") is None
    facade = html.select_one(".video-facade")
    assert facade["data-video-player"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert facade["data-video-title"] == name.split(": ", 1)[1]
    assert facade.select_one(".video-facade__play").get_text(" ", strip=True).removeprefix("▶ ") == name
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["frame-src"].split() == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    assert "youtube" not in policy["img-src"] and "ytimg" not in policy["img-src"]
