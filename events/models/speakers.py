"""Speakers: people who present at events, reused across the programmes of many events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Speaker(TranslatableMixin, models.Model):
    """A speaker, one per language (the name is transliterated, the biography translated)."""

    name = models.CharField(_("name"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("biography"), blank=True, max_length=2000)

    panels = [FieldPanel("name"), FieldPanel("organisation"), FieldPanel("photo"), FieldPanel("bio")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("organisation"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
