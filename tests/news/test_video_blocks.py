import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import BodyBlock, VideoFileBlock

from .conftest import WEBVTT, document

pytestmark = pytest.mark.django_db


def render(value):
    body = BodyBlock()
    return BeautifulSoup(body.render(body.to_python([{"type": "video_file", "value": value}])), "html.parser")


def clean(value):
    block = VideoFileBlock()
    return block.clean(block.to_python(value))


def test_video_file_renders_a_player_with_poster_subtitles_and_a_download_link(video_file_value):
    with translation.override("en"):
        html = render(video_file_value)

    video = html.find("video")
    assert video.has_attr("controls") and video["preload"] == "metadata"
    assert video["poster"].endswith(".jpg") or video["poster"].endswith(".png")
    assert video.source["src"].endswith("clip.mp4") and video.source["type"] == "video/mp4"
    tracks = video.find_all("track")
    assert [(t["kind"], t["srclang"], t["label"]) for t in tracks] == [
        ("subtitles", "uk", "Українська"),
        ("subtitles", "en", "English"),
    ]
    assert [t.has_attr("default") for t in tracks] == [False, True]  # the visitor's language
    assert video.find("a")["href"] == video.source["src"]  # the fallback for browsers without <video>
    assert html.figcaption.find("a", download=True)


def test_transcript_is_shown_under_the_player(video_file_value):
    html = render({**video_file_value, "transcript": "Ведуча: вітаємо на конкурсі."})

    assert "Ведуча: вітаємо на конкурсі." in html.find("details").get_text()


def test_subtitles_file_that_is_not_vtt_is_refused(video_file_value):
    srt = document("clip.srt", b"1\n00:00:00,000 --> 00:00:02,000\n")
    value = {**video_file_value, "subtitles": [{"file": srt.pk, "language": "uk", "label": "Українська"}]}

    with pytest.raises(StructBlockValidationError) as error:
        clean(value)

    assert "subtitles" in error.value.block_errors


def test_vtt_file_without_the_webvtt_signature_is_refused(video_file_value):
    fake = document("fake.vtt", b"<html>not subtitles</html>")
    value = {**video_file_value, "subtitles": [{"file": fake.pk, "language": "uk", "label": "Українська"}]}

    with pytest.raises(StructBlockValidationError) as error:
        clean(value)

    assert "subtitles" in error.value.block_errors


def test_vtt_file_with_a_byte_order_mark_is_accepted(video_file_value):
    with_bom = document("bom.vtt", b"\xef\xbb\xbf" + WEBVTT)
    value = {**video_file_value, "subtitles": [{"file": with_bom.pk, "language": "uk", "label": "Українська"}]}

    assert clean(value)["subtitles"][0]["file"] == with_bom


def test_video_must_be_an_mp4_webm_or_ogg_file(video_file_value):
    with pytest.raises(StructBlockValidationError) as error:
        clean({**video_file_value, "video": document("report.pdf", b"%PDF-1.4").pk})

    assert list(error.value.block_errors) == ["video"]


def test_clip_without_subtitles_needs_a_transcript(video_file_value):
    with pytest.raises(StructBlockValidationError) as error:
        clean({**video_file_value, "subtitles": []})
    assert list(error.value.block_errors) == ["transcript"]

    assert clean({**video_file_value, "subtitles": [], "transcript": "Ведуча: вітаємо."})
