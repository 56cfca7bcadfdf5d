"""Reference data of the case library: regions, the classifier and organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(UKRAINIAN_ALPHABET)}


def ukrainian_sort_key(text):
    """A key that sorts text in the order of the Ukrainian alphabet (Latin letters after it).

    Databases sort by code point unless told a collation, which puts «Івано-Франківська» and
    «Євпаторія» before «Автономна»; SQLite knows no Ukrainian collation at all. Apostrophes do not
    count, as in Ukrainian dictionaries; spaces and hyphens separate words.
    """
    key = []
    for char in text.lower():
        if char in "'’ʼ":
            continue
        if char in _LETTER_RANK:
            key.append((2, _LETTER_RANK[char]))
        elif char.isalnum():
            key.append((3, ord(char)))
        else:
            key.append((1, 0))
    return key


class RegionQuerySet(models.QuerySet):
    def alphabetical(self):
        """The regions in the alphabetical order of their names in the active language."""
        regions = sorted(self.values_list("pk", "name_uk", "name_en"), key=_region_name_sort_key)
        ranks = [When(pk=pk, then=Value(rank)) for rank, (pk, _name_uk, _name_en) in enumerate(regions)]
        return self.order_by(Case(*ranks, default=Value(len(ranks)), output_field=IntegerField()))


def _region_name_sort_key(row):
    _pk, name_uk, name_en = row
    return ukrainian_sort_key(name_en if get_language() == "en" else name_uk)


class CategoryQuerySet(models.QuerySet):
    def as_tree(self, language_code=None):
        """Each top-level category followed by its subcategories, each level in the classifier's order.

        With ``language_code``, the classifier in that language comes first.
        """
        language_first = Case(When(locale__language_code=language_code, then=Value(0)), default=Value(1))
        return self.order_by(
            *([language_first] if language_code else []),
            Coalesce("parent__sort_order", "sort_order"),
            Coalesce("parent__name", "name"),
            Coalesce("parent_id", "id"),
            F("parent_id").asc(nulls_first=True),
            "sort_order",
            "name",
        )


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

    objects = RegionQuerySet.as_manager()

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

    objects = CategoryQuerySet.as_manager()

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
