"""A news clip asks nothing of YouTube until the visitor presses play; the regions map reads on a phone."""

import re

import pytest

pytestmark = pytest.mark.browser

NEWS_WITH_CLIP = "/uk/news/case-videos/"
CLIP_TITLE = "Демонстраційне відео: ролик про кейс для регіонального телебачення"
THIRD_PARTY = re.compile(r"youtube|ytimg|youtu\.be|googlevideo|doubleclick", re.IGNORECASE)


def test_a_clip_loads_from_youtube_only_when_the_visitor_presses_play(page, width):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # The test machine cannot reach YouTube: the player's request is answered here, and recorded.
    page.route(re.compile(r"^https://www\.youtube-nocookie\.com/"), lambda route: route.fulfill(body="<html></html>"))

    page.goto(NEWS_WITH_CLIP)
    page.wait_for_load_state("networkidle")

    assert [url for url in requested if THIRD_PARTY.search(url)] == []
    assert page.locator("iframe").count() == 0
    play = page.get_by_role("button", name=f"Відтворити відео: {CLIP_TITLE}", exact=True)
    assert play.is_visible()

    play.click()

    player = page.locator(".video-facade iframe")
    player.wait_for()
    assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    assert player.get_attribute("title") == CLIP_TITLE
    assert "autoplay" in player.get_attribute("allow")
    assert [url for url in requested if THIRD_PARTY.search(url)] == [
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    ]


@pytest.mark.parametrize("path", ["/uk/statistics/", "/en/statistics/"])
def test_the_regions_map_labels_fit_their_tiles_at_a_readable_size(page, width, path):
    page.goto(path)

    labels = page.locator(".tile-map__label").evaluate_all(
        """texts => texts.map(text => {
            const tile = text.parentNode.querySelector("rect").getBoundingClientRect();
            const box = text.getBoundingClientRect();
            const scale = tile.width / 60;
            return {label: text.textContent, width: box.width, room: tile.width,
                    size: parseFloat(getComputedStyle(text).fontSize) * scale};
        })"""
    )

    assert len(labels) == 27
    assert [item["label"] for item in labels if item["width"] > item["room"] - 2] == []
    assert min(item["size"] for item in labels) >= 12
