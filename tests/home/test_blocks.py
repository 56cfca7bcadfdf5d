import pytest
from bs4 import BeautifulSoup
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import BodyBlock, CallToActionBlock, VideoBlock

pytestmark = pytest.mark.django_db


def render(blocks):
    body = BodyBlock()
    return BeautifulSoup(body.render(body.to_python(blocks)), "html.parser")


def test_video_block_refuses_an_address_it_cannot_embed():
    block = VideoBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://example.org/clip.mp4", "title": "Clip", "caption": ""}))
    assert "url" in error.value.block_errors


def test_call_to_action_needs_exactly_one_target(site_tree):
    block = CallToActionBlock()
    both = {"title": "T", "text": "", "label": "Go", "page": site_tree.about_uk.pk, "url": "https://example.org"}
    neither = {**both, "page": None, "url": ""}

    for value in (both, neither):
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python(value))


def test_call_to_action_links_to_the_page_in_the_current_language(site_tree):
    from django.utils import translation

    with translation.override("en"):
        html = render(
            [{"type": "call_to_action", "value": {"title": "T", "label": "Read", "page": site_tree.about_uk.pk}}]
        )

    assert html.select_one("a.button")["href"] == "/en/about/"


def test_blocks_render_accessible_markup():
    html = render(
        [
            {"type": "heading", "value": {"text": "Мета", "level": "h2"}},
            {"type": "quote", "value": {"text": "Систематизація практик", "attribution": "План 2013"}},
            {"type": "video", "value": {"url": "https://youtu.be/dQw4w9WgXcQ", "title": "Кейс", "caption": ""}},
            {
                "type": "table",
                "value": {
                    "table_caption": "Етапи",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["Етап", "Термін"], ["I", "січень"]],
                },
            },
        ]
    )

    assert html.h2.get_text() == "Мета"
    assert html.select_one("figure.quote figcaption").get_text() == "План 2013"
    assert html.select_one(".video-facade")["data-video-title"] == "Кейс"  # the player's title, once pressed
    assert html.select_one(".video-facade__play").get_text(" ", strip=True) == "▶ Відтворити відео: Кейс"
    assert html.table.caption.get_text() == "Етапи"
    assert [th["scope"] for th in html.select("thead th")] == ["col", "col"]
    assert html.select_one("tbody td").get_text() == "I"


def test_table_cells_are_escaped():
    html = render(
        [{"type": "table", "value": {"first_row_is_table_header": False, "data": [["<script>alert(1)</script>"]]}}]
    )

    assert html.script is None
    assert "<script>alert(1)</script>" in html.td.get_text()
