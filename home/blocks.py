"""The StreamField block library every page type of the site reuses.

A page type takes ``BodyBlock`` as it is, or subclasses it to add blocks of its own domain.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .video import parse_video_url

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]
# Uploaded clips the browsers play themselves, by file extension (see WAGTAILDOCS_EXTENSIONS).
VIDEO_FILE_TYPES = {"mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg"}
WEBVTT_BOM = b"\xef\xbb\xbf"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "home/blocks/figure_block.html"


class VideoValue(blocks.StructValue):
    @cached_property
    def source(self):
        return parse_video_url(self.get("url"))

    @cached_property
    def poster(self):
        """The clip's local poster image, once the server has fetched it (``home.tasks``)."""
        from .models import VideoPoster  # the models import these blocks

        return VideoPoster.image_for(self.source)


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo address, for example https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("Names the video for screen reader users."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter a YouTube or Vimeo video address."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video_block.html"
        value_class = VideoValue


def file_extension(document):
    return document.file_extension.lower() if document else ""


def starts_as_webvtt(document):
    """Whether the file opens with the WebVTT signature; None when the storage cannot read it."""
    try:
        with document.file.open("rb") as handle:
            head = handle.read(len(WEBVTT_BOM) + 7).removeprefix(WEBVTT_BOM)
    except (OSError, ValueError):
        return None
    return head[:6] == b"WEBVTT" and head[6:7] in {b"", b" ", b"\t", b"\n", b"\r"}


class SubtitlesBlock(blocks.StructBlock):
    file = DocumentChooserBlock(label=_("Subtitles file"), help_text=_("A WebVTT file (.vtt)."))
    language = blocks.ChoiceBlock(label=_("Language"), choices=settings.WAGTAIL_CONTENT_LANGUAGES)
    label = blocks.CharBlock(
        label=_("Label"), max_length=80, help_text=_("Shown in the player's subtitle menu, for example “Українська”.")
    )

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document and (file_extension(document) != "vtt" or starts_as_webvtt(document) is False):
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError(_("Choose a WebVTT subtitles file: a .vtt file that starts with WEBVTT."))
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Subtitles")


class VideoFileValue(blocks.StructValue):
    @property
    def mime_type(self):
        return VIDEO_FILE_TYPES.get(file_extension(self.get("video")), "")

    @property
    def tracks(self):
        """The subtitle tracks, the one in the visitor's language (or else the first) marked as default."""
        tracks = [track for track in self.get("subtitles") or [] if track.get("file")]
        languages = [track.get("language") for track in tracks]
        default = languages.index(get_language()) if get_language() in languages else 0
        return [{"track": track, "default": index == default} for index, track in enumerate(tracks)]


class VideoFileBlock(blocks.StructBlock):
    """A clip uploaded to the documents, played by the browser, with a poster, subtitles and a transcript."""

    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4, WebM or Ogg video uploaded to the documents.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("Names the video for screen reader users."),
    )
    poster = ImageChooserBlock(
        label=_("Poster image"), required=False, help_text=_("Shown before the clip plays and in the video gallery.")
    )
    subtitles = blocks.ListBlock(SubtitlesBlock(), label=_("Subtitles"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    transcript = blocks.TextBlock(
        label=_("Transcript"), required=False, help_text=_("The words and important sounds of the clip, as text.")
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("video") and file_extension(value["video"]) not in VIDEO_FILE_TYPES:
            errors["video"] = ValidationError(_("Choose an MP4, WebM or Ogg video file."))
        if not value.get("subtitles") and not (value.get("transcript") or "").strip():
            errors["transcript"] = ValidationError(
                _("Add subtitles or a transcript, so that people who cannot hear the clip can follow it.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Uploaded video")
        template = "home/blocks/video_file_block.html"
        value_class = VideoFileValue


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"


class CallToActionValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        return page.localized.url if page else self.get("url")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    text = blocks.TextBlock(label=_("Text"), required=False)
    label = blocks.CharBlock(label=_("Button label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            error = ValidationError(_("Choose a page or enter an address, not both."))
            raise StructBlockValidationError(block_errors={"page": error, "url": error})
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        value_class = CallToActionValue


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "home/blocks/document_list_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="home/blocks/rich_text_block.html"
    )
    image = FigureBlock()
    video = VideoBlock()
    video_file = VideoFileBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    table = TableBlock(
        label=_("Table"),
        template="home/blocks/table_block.html",
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]},
    )
