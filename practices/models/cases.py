"""The case page: one best practice, with every field of the case interchange format."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, DocumentRow, VideoPoster
from home.video import parse_video_url

from ..api_fields import (
    AdoptionsField,
    CaseKeyField,
    CategoriesField,
    NameField,
    PublicContactField,
    RegionField,
    RowsField,
    TagsField,
)
from .reference import Category, Organisation, Region

KEY_PATTERN = r"^[a-z0-9-]{3,80}$"
FIRST_YEAR, LAST_YEAR = 1991, 2100
VIDEO_FILE_EXTENSIONS = (".mp4", ".webm", ".ogv")


def validate_video_url(url):
    if url and parse_video_url(url) is None and not url.lower().split("?")[0].endswith(VIDEO_FILE_EXTENSIONS):
        raise ValidationError(_("Enter a YouTube or Vimeo address, or the address of an MP4, WebM or Ogg video file."))


class Level(models.TextChoices):
    OBLAST = "oblast", _("oblast")
    DISTRICT = "district", _("district")
    CITY = "city", _("city")
    TOWN = "town", _("town")
    VILLAGE = "village", _("village")
    HROMADA = "hromada", _("territorial community (hromada)")


class Status(models.TextChoices):
    PILOT = "pilot", _("pilot")
    ACTIVE = "active", _("active")
    DISCONTINUED = "discontinued", _("discontinued")


class Award(models.TextChoices):
    WINNER = "winner", _("winner")
    FINALIST = "finalist", _("finalist")


def rows_panel(model, relation_name, **kwargs):
    """An inline panel headed with the row model's own names, the labels wagtail-localize's translation view shows."""
    return InlinePanel(
        relation_name,
        heading=capfirst(model._meta.verbose_name_plural),
        label=capfirst(model._meta.verbose_name),
        **kwargs,
    )


class TranslatableRow(TranslatableMixin, Orderable):
    """An inline row whose text wagtail-localize translates, one row per language."""

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]


class CaseCategory(TranslatableRow):
    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="case_categories")
    # PROTECT: a category that classifies a case cannot be deleted from under it.
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("category")]
    # A translated case refers to the categories of its own language.
    translatable_fields = [TranslatableField("category")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class CaseTag(TaggedItemBase):
    content_object = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("case tag")
        verbose_name_plural = _("case tags")


class CaseIndicator(TranslatableRow):
    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="indicators")
    label = models.CharField(_("indicator"), max_length=255)
    value = models.CharField(_("value"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("value")])]
    translatable_fields = [TranslatableField("label"), TranslatableField("value")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("measurable result")
        verbose_name_plural = _("measurable results")


class CaseLink(TranslatableRow):
    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("url")])]
    translatable_fields = [TranslatableField("title"), SynchronizedField("url")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")


class CaseDocument(DocumentRow):
    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="documents")

    class Meta(DocumentRow.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class CaseGalleryImage(Orderable):
    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photo gallery")


class CaseAdoption(TranslatableRow):
    """A community that adopted the practice."""

    page = ParentalKey("practices.CasePage", on_delete=models.CASCADE, related_name="adoptions")
    community = models.CharField(_("community"), max_length=255)
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    adopter_case = models.ForeignKey(
        "practices.CasePage",
        verbose_name=_("their own case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("community"), FieldPanel("region"), FieldPanel("year")]),
        FieldPanel("adopter_case"),
    ]
    translatable_fields = [
        TranslatableField("community"),
        SynchronizedField("region"),
        SynchronizedField("year"),
        TranslatableField("adopter_case"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("adopting community")
        verbose_name_plural = _("adopted by")


class CasePage(BasePage):
    """A best-practice case: what a community did, how, with what result, and how to repeat it."""

    visitor_type = _("case")
    # Required here, unlike on other pages: the form marks it, and drafts may still leave it empty.
    intro = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown under the title and in listings."),
        error_messages={"blank": _("Write a summary of the case.")},
    )
    key = models.CharField(
        _("key"),
        max_length=80,
        validators=[RegexValidator(KEY_PATTERN, _("Use 3 to 80 lowercase Latin letters, digits and hyphens."))],
        help_text=_("Stable identifier of the case, the same in every language, for example vinnytsia-e-queue."),
    )
    problem = models.TextField(_("problem addressed"), blank=True)
    solution = models.TextField(_("solution and technologies"), blank=True)
    results = models.TextField(_("results"), blank=True)
    replication = models.TextField(
        _("replicability"), blank=True, help_text=_("What another community needs to repeat it: costs, lessons.")
    )
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="cases")
    community = models.CharField(_("community"), max_length=255, blank=True)
    level = models.CharField(_("community level"), max_length=10, choices=Level.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("implementing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    year = models.PositiveSmallIntegerField(
        _("year implementation started"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    tags = ClusterTaggableManager(through=CaseTag, blank=True, verbose_name=_("tags"))
    video_url = models.URLField(_("video address"), max_length=500, blank=True, validators=[validate_video_url])
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("or an uploaded video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4, WebM or Ogg video uploaded to the documents."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    nomination = models.SlugField(_("contest nomination"), max_length=80, blank=True)
    award = models.CharField(_("award"), max_length=10, choices=Award.choices, blank=True)
    adapted_from = models.ForeignKey(
        "practices.CasePage",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_position = models.CharField(_("position"), max_length=255, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    contact_public = models.BooleanField(
        _("the contact person agreed to be shown"),
        default=False,
        help_text=_("Without consent the contact is kept for editors only."),
    )

    parent_page_types = ["practices.CaseLibraryPage"]
    subpage_types = []

    # Every required field is on the first tab; the slug, on "Promote" as on every Wagtail page, is filled
    # from the title. Panels carry no headings of their own: the translation view labels fields with the
    # models' names, and the editor says the same.
    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("community"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("status"), FieldPanel("last_verified")]),
        rows_panel(CaseCategory, "case_categories", min_num=1),
        FieldPanel("tags"),
    ]
    description_panels = [
        FieldPanel("problem"),
        FieldPanel("solution"),
        FieldPanel("results"),
        rows_panel(CaseIndicator, "indicators"),
        FieldPanel("replication"),
    ]
    media_panels = [
        FieldRowPanel([FieldPanel("video_url"), FieldPanel("video_file")]),
        rows_panel(CaseGalleryImage, "gallery_images"),
        rows_panel(CaseDocument, "documents"),
        rows_panel(CaseLink, "links"),
    ]
    replication_panels = [
        FieldPanel("adapted_from"),
        rows_panel(CaseAdoption, "adoptions"),
    ]
    contest_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_position")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_public"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel([FieldPanel("nomination"), FieldPanel("award")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Case")),
            ObjectList(description_panels, heading=_("Description")),
            ObjectList(media_panels, heading=_("Media and documents")),
            ObjectList(replication_panels, heading=_("Replication")),
            ObjectList(contest_panels, heading=_("Contact and contest")),
            ObjectList(BasePage.promote_panels + [FieldPanel("featured")], heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("replication"),
        index.SearchField("community"),
        index.FilterField("region"),
        index.FilterField("level"),
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("award"),
        index.FilterField("featured"),
    ]
    api_fields = (
        BasePage.api_fields
        + [
            APIField(name)
            for name in ("key", "problem", "solution", "results", "replication", "community", "level", "year")
        ]
        + [
            APIField("region", serializer=RegionField()),
            APIField("categories", serializer=CategoriesField(source="case_categories")),
            APIField("organisation", serializer=NameField()),
            APIField("tags", serializer=TagsField()),
            APIField("indicators", serializer=RowsField("label", "value")),
            APIField("links", serializer=RowsField("title", "url")),
            APIField("adopted_by", serializer=AdoptionsField(source="adoptions")),
            APIField("adapted_from", serializer=CaseKeyField()),
            APIField("contact", serializer=PublicContactField(source="public_contact")),
        ]
        + [APIField(name) for name in ("video_url", "status", "last_verified", "nomination", "award")]
    )
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("problem"),
        TranslatableField("solution"),
        TranslatableField("results"),
        TranslatableField("replication"),
        TranslatableField("community"),
        TranslatableField("organisation"),
        TranslatableField("case_categories"),
        TranslatableField("indicators"),
        TranslatableField("links"),
        TranslatableField("documents"),
        TranslatableField("adoptions"),
        SynchronizedField("key"),
        SynchronizedField("region"),
        SynchronizedField("level"),
        SynchronizedField("year"),
        SynchronizedField("tags"),
        SynchronizedField("video_url"),
        SynchronizedField("video_file"),
        SynchronizedField("gallery_images"),
        SynchronizedField("status"),
        SynchronizedField("last_verified"),
        SynchronizedField("nomination"),
        SynchronizedField("award"),
        SynchronizedField("adapted_from"),
        SynchronizedField("featured"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_position"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_public"),
    ]

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def clean(self):
        super().clean()
        if self.video_url and self.video_file_id:
            raise ValidationError({"video_file": _("Give a video address or a video file, not both.")})
        if self.video_file_id and not self.video_file.file.name.lower().endswith(VIDEO_FILE_EXTENSIONS):
            raise ValidationError({"video_file": _("Choose an MP4, WebM or Ogg video file.")})
        same_key = CasePage.objects.filter(key=self.key, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.key and self.locale_id and same_key.exists():
            raise ValidationError({"key": _("Another case in this language already has this key.")})

    @property
    def categories(self):
        """The case's categories in order, with their parents (their paths name them)."""
        prefetched = "case_categories" in getattr(self, "_prefetched_objects_cache", {})
        items = self.case_categories.all() if prefetched else self.case_categories.select_related("category__parent")
        return [item.category for item in items]

    # What ``search_facets`` reads, fetched for many cases at once by the search service.
    search_facets_prefetch = ["case_categories__category__parent", "region"]

    def search_facets(self):
        paths = set()
        for category in self.categories:
            paths.update({category.path, category.parent.slug} if category.parent_id else {category.path})
        return {"category": sorted(paths), "region": self.region.code, "year": self.year}

    @property
    def public_contact(self):
        """The contact person, only where they consented to be shown."""
        if not (self.contact_public and self.contact_name):
            return None
        return {
            "name": self.contact_name,
            "position": self.contact_position,
            "email": self.contact_email,
            "phone": self.contact_phone,
        }

    def related_cases(self, categories, limit=4):
        """Live cases of the same language sharing ``categories`` with this one, or else its region."""
        category_ids = [category.pk for category in categories]
        shared = Count("case_categories", filter=Q(case_categories__category_id__in=category_ids), distinct=True)
        return (
            CasePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(Q(case_categories__category_id__in=category_ids) | Q(region_id=self.region_id))
            .exclude(pk=self.pk)
            .annotate(shared=shared)
            .select_related("region")
            .order_by("-shared", "-year", "title")
            .distinct()[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = self.categories
        context["categories"] = categories
        context["library"] = self.get_parent()
        context["related_cases"] = self.related_cases(categories)
        context["adoptions"] = self.adoptions.select_related("region", "adopter_case")
        context["video"] = parse_video_url(self.video_url)
        context["video_poster"] = VideoPoster.image_for(context["video"])
        return context

    @property
    def paragraphs(self):
        """The plain-text sections split into paragraphs at blank lines, for the template."""
        return {
            name: [part.strip() for part in re.split(r"\n\s*\n", getattr(self, name)) if part.strip()]
            for name in ("problem", "solution", "results", "replication")
        }
