"""Translatable snippets of the coalition: partner organisations and members of the expert group."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Partner(TranslatableMixin, models.Model):
    """An organisation of the coalition: the coordinator, a partner, a donor or a media partner."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        PARTNER = "partner", _("partner")
        DONOR = "donor", _("donor")
        MEDIA = "media", _("media partner")

    name = models.CharField(_("name"), max_length=255)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True, max_length=1000)
    url = models.URLField(_("website"), blank=True, max_length=500)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    sort_order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("sort_order")]),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("logo"),
        SynchronizedField("url"),
        SynchronizedField("role"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class Expert(TranslatableMixin, models.Model):
    """A member of the expert working group; only active members are shown to visitors."""

    name = models.CharField(_("name"), max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=1000)
    sort_order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Former members stay on record but are not shown.")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("position")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_active")]),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("organisation"),
        TranslatableField("position"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
        SynchronizedField("sort_order"),
        SynchronizedField("is_active"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.name
