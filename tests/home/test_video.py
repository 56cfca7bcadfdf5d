import pytest

from home.video import parse_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "youtube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_recognises_youtube_and_vimeo_addresses(url, provider, video_id):
    source = parse_video_url(url)

    assert (source.provider, source.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "javascript:alert(1)",
        "https://example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"><script>',
        "https://vimeo.com/channels/staffpicks",
    ],
)
def test_rejects_other_addresses(url):
    assert parse_video_url(url) is None


def test_embeds_without_tracking_cookies():
    assert parse_video_url("https://youtu.be/dQw4w9WgXcQ").embed_url.startswith("https://www.youtube-nocookie.com/")
    assert parse_video_url("https://vimeo.com/76979871").embed_url.endswith("dnt=1")
