"""Blocks of an event's programme: sessions with their time, room and speakers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock


class SpeakerChooserBlock(SnippetChooserBlock):
    """Chooses a speaker; the API shows the speaker's name and organisation rather than a bare id."""

    def __init__(self, **kwargs):
        super().__init__("events.Speaker", **kwargs)

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        return {"id": value.pk, "name": value.name, "organisation": value.organisation}


class SessionBlock(blocks.StructBlock):
    """One session of the programme; times are local to the event (Kyiv time)."""

    date = blocks.DateBlock(label=_("Date"))
    start_time = blocks.TimeBlock(label=_("Time"))
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=255)
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    speakers = blocks.ListBlock(SpeakerChooserBlock(label=_("Speaker")), label=_("Speakers"), default=[])
    description = blocks.TextBlock(label=_("Description"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if value.get("end_time") and value["end_time"] <= value["start_time"]:
            raise StructBlockValidationError(
                block_errors={"end_time": ValidationError(_("A session must end after it starts."))}
            )
        return value

    class Meta:
        icon = "time"
        label = _("Session")


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()
