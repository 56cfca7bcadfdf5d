"""Every video clip of a locale, for the video gallery, the feeds and the pages' structured data.

Clips in StreamFields are found by walking the page models for StreamFields that can hold a video
block, so a new page type's clips appear without being listed anywhere; clips an app keeps in other
fields (case videos) come through the ``VIDEO_CLIPS`` hook.
"""

from dataclasses import dataclass
from typing import Any

from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from depository.hooks import VIDEO_CLIPS
from home.blocks import VIDEO_FILE_TYPES, VideoBlock, VideoFileBlock, file_extension
from home.site_url import absolute_url
from home.tasks import request_posters
from home.video import parse_video_url

VIDEO_BLOCKS = (VideoBlock, VideoFileBlock)
YOUTUBE_THUMBNAIL = "https://i.ytimg.com/vi/{}/hqdefault.jpg"
POSTER_RENDITION = "fill-640x360"


@dataclass(frozen=True)
class Clip:
    """One clip on one page: an embedded YouTube or Vimeo video, or a video file."""

    page: Any
    title: str
    url: str = ""
    document: Any = None
    poster: Any = None
    caption: str = ""

    @property
    def source(self):
        """The YouTube or Vimeo video, when the clip is one (and not an uploaded file)."""
        return None if self.document else parse_video_url(self.url)

    @property
    def file_url(self):
        if self.document:
            return self.document.url
        return "" if self.source else self.url

    @property
    def mime_type(self):
        name = self.document.file.name if self.document else self.url.split("?")[0]
        return VIDEO_FILE_TYPES.get(name.rsplit(".", 1)[-1].lower(), "")

    @property
    def thumbnail_url(self):
        """A picture of the clip known without asking its provider: YouTube's by the video id."""
        if self.source and self.source.provider == "youtube":
            return YOUTUBE_THUMBNAIL.format(self.source.video_id)
        return ""

    def structured_data(self, request, upload_date):
        """The clip as a schema.org VideoObject."""
        data = {"@type": "VideoObject", "name": self.title, "description": self.caption or self.title}
        data["uploadDate"] = upload_date.isoformat() if upload_date else None
        if self.poster:
            data["thumbnailUrl"] = [absolute_url(self.poster.get_rendition(POSTER_RENDITION).url)]
        elif self.thumbnail_url:
            data["thumbnailUrl"] = [self.thumbnail_url]
        if self.source:
            data["embedUrl"] = self.source.embed_url
        elif self.file_url:
            data["contentUrl"] = absolute_url(self.file_url)
        return {key: value for key, value in data.items() if value}


def holds_video(block):
    """Whether a block, or any block nested in it, is a video block."""
    if isinstance(block, VIDEO_BLOCKS):
        return True
    if isinstance(block, blocks.ListBlock):
        return holds_video(block.child_block)
    return any(holds_video(child) for child in getattr(block, "child_blocks", {}).values())


def video_values(block, value):
    """``(block, value)`` of every video block inside a block's value, in reading order."""
    if value is None or not holds_video(block):
        return  # nothing to find; and some structured blocks' values are objects (ImageBlock: an Image)
    if isinstance(block, VIDEO_BLOCKS):
        yield block, value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from video_values(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from video_values(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from video_values(child, value.get(name))


def video_stream_fields(model):
    """The StreamFields of a page model's own table that can hold a video block."""
    return [
        field
        for field in model._meta.local_concrete_fields
        if isinstance(field, StreamField) and holds_video(field.stream_block)
    ]


def page_clips(page, fields=None):
    """The clips in a page's StreamFields, in reading order."""
    clips = []
    for field in video_stream_fields(type(page)) if fields is None else fields:
        for block, value in video_values(field.stream_block, getattr(page, field.name)):
            if isinstance(block, VideoFileBlock):
                if value.get("video") and file_extension(value["video"]) in VIDEO_FILE_TYPES:
                    clips.append(
                        Clip(
                            page,
                            value["title"],
                            document=value["video"],
                            poster=value.get("poster"),
                            caption=value.get("caption") or "",
                        )
                    )
            elif value.source:
                caption = value.get("caption") or ""
                clips.append(Clip(page, value["title"], url=value["url"], poster=value.poster, caption=caption))
    return clips


def locale_clips(locale):
    """Every clip on the live public pages of ``locale``, from the most recently first-published page."""
    clips = []
    for model in get_page_models():
        fields = video_stream_fields(model)
        if fields:
            for page in model.objects.live().public().filter(locale=locale).order_by("path"):
                clips.extend(page_clips(page, fields))
    for register in hooks.get_hooks(VIDEO_CLIPS):
        clips.extend(Clip(**item) for item in register(locale))
    # sorted() is stable, also in reverse: the clips of one page stay in reading order.
    return sorted(clips, key=lambda clip: clip.page.first_published_at.timestamp(), reverse=True)


def fetch_posters(sender, instance, **kwargs):
    """On publishing: have the server fetch a local poster of each YouTube clip of the page."""
    request_posters(clip.source for clip in page_clips(instance))
