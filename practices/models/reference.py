"""Reference data of the case library: regions, the classifier and organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Region(models.Model):
    """An oblast of Ukraine, Kyiv, Sevastopol or the Autonomous Republic of Crimea (ISO 3166-2:UA).

    Fixed reference data in both languages, loaded from ``practices/data/regions.csv``.
    """

    class Kind(models.TextChoices):
        OBLAST = "oblast", _("oblast")
        CITY = "city", _("city with special status")
        REPUBLIC = "republic", _("autonomous republic")

    code = models.CharField(_("code"), max_length=5, unique=True, help_text=_("ISO 3166-2:UA, for example UA-05"))
    name_uk = models.CharField(_("name in Ukrainian"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["name_uk"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the active language."""
        return self.name_en if get_language() == "en" else self.name_uk


class Category(TranslatableMixin, models.Model):
    """A category of the classifier "E-governance at the regional level".

    The slug is the same in every locale; a child's full slug is ``parent/child``.
    """

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("The same in every language."))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("parent"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("parent"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["locale", "parent", "slug"], name="category_unique_slug_per_parent"),
        ]

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    @property
    def path(self):
        """The slug path used in the interchange format and in URLs: ``parent`` or ``parent/child``."""
        return f"{self.parent.slug}/{self.slug}" if self.parent_id else self.slug

    def clean(self):
        if self.parent_id and self.parent.parent_id:
            raise ValidationError({"parent": _("The classifier has two levels: choose a top-level category.")})
        if self.parent_id and self.parent.locale_id != self.locale_id:
            raise ValidationError({"parent": _("Choose a parent category in the same language.")})


class Organisation(TranslatableMixin, models.Model):
    """An implementing body or a partner organisation."""

    name = models.CharField(_("name"), max_length=255)
    website = models.URLField(_("website"), blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("website"), FieldPanel("region")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("website"), SynchronizedField("region")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name
