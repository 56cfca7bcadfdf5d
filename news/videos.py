"""The video clips of pages, for the video gallery, the feeds and the pages' structured data.

Clips in StreamFields are found by walking the page models for StreamFields that can hold a video
block, so a new page type's clips appear without being listed anywhere; clips an app keeps in other
fields (case videos) come through the ``VIDEO_CLIPS`` hook.

The gallery lists every clip of a language. Finding them by reading every page would cost queries
in proportion to the pages, so each page's clips are recorded as ``VideoClip`` rows when it is
published (``record_clips``) and the gallery reads those, one page of clips at a time.
"""

from dataclasses import dataclass
from typing import Any

from wagtail import blocks, hooks
from wagtail.fields import StreamField
from wagtail.models import Page

from depository.hooks import VIDEO_CLIPS
from home.blocks import VIDEO_FILE_TYPES, VideoBlock, VideoFileBlock, file_extension
from home.models import VideoPoster
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


def all_page_clips(page):
    """The clips of a specific page: its StreamFields' first, then those the apps keep elsewhere."""
    clips = page_clips(page)
    for register in hooks.get_hooks(VIDEO_CLIPS):
        clips.extend(Clip(page, **item) for item in register(page))
    return clips


def record_clips(page):
    """Replace the recorded clips of ``page`` (a specific page) with those it has now, if it is live."""
    from .models import VideoClip

    VideoClip.objects.filter(page_id=page.pk).delete()
    if not page.live:
        return []
    clips = all_page_clips(page)
    VideoClip.objects.bulk_create(
        VideoClip(
            page_id=page.pk,
            locale_id=page.locale_id,
            position=position,
            published_at=page.first_published_at,
            title=clip.title,
            url=clip.url,
            document=clip.document,
            poster=clip.poster if clip.document else None,  # a YouTube clip's poster is looked up when shown
            video_id=clip.source.video_id if clip.source and clip.source.provider == "youtube" else "",
            caption=clip.caption,
        )
        for position, clip in enumerate(clips)
    )
    return clips


def locale_clips(locale_id):
    """The recorded clips of the live public pages of a locale, from the most recently first-published page."""
    from .models import VideoClip

    return (
        VideoClip.objects.filter(locale_id=locale_id, page__in=Page.objects.live().public())
        .select_related("page", "document", "poster")
        .prefetch_related("poster__renditions")
    )


def with_youtube_posters(clips):
    """``clips`` (recorded) with the local posters of their YouTube videos, in one query."""
    posters = VideoPoster.objects.filter(video_id__in={clip.video_id for clip in clips if clip.video_id})
    images = {
        poster.video_id: poster.image
        for poster in posters.select_related("image").prefetch_related("image__renditions")
    }
    for clip in clips:
        if clip.video_id:
            clip.poster = images.get(clip.video_id)
    return clips


def on_published(sender, instance, **kwargs):
    """Record the page's clips and have the server fetch a local poster of each of its YouTube clips."""
    request_posters(clip.source for clip in record_clips(instance))


def on_unpublished(sender, instance, **kwargs):
    """Forget the page's clips. Also sent for a live page being deleted, which is still live then."""
    from .models import VideoClip

    VideoClip.objects.filter(page_id=instance.pk).delete()
