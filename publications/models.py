"""Analytical reports and recommendations to the Government (stage VI of the plan), with their documents."""

from django.core.paginator import Paginator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.listing import choice_filter
from home.models import BasePage, ContentPage, DocumentRow
from home.site_url import absolute_url, page_url

from .api_fields import DocumentsField

PUBLICATIONS_PER_PAGE = 12
SUMMARY_FEATURES = ["bold", "italic", "ol", "ul", "link"]
PUBLISHER = _("Association of local self-government bodies “E-Governance Cities of Ukraine”")


class Kind(models.TextChoices):
    REPORT = "report", _("analytical report")
    RECOMMENDATIONS = "recommendations", _("recommendations")
    METHODOLOGY = "methodology", _("methodology")
    OTHER = "other", _("other")


class AuthorsBlock(blocks.StreamBlock):
    """Authors in order: people and organisations, told apart for schema.org."""

    person = blocks.CharBlock(label=_("Person"), max_length=255, icon="user")
    organisation = blocks.CharBlock(label=_("Organisation"), max_length=255, icon="group")


class AddresseesBlock(blocks.StreamBlock):
    """Who the publication is sent to: ministries, agencies, councils."""

    addressee = blocks.CharBlock(label=_("Addressee"), max_length=255, icon="mail")


class PublicationIndexPage(ContentPage):
    """Lists the publications beneath it, newest first, filtered by kind."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("publication index")
        verbose_name_plural = _("publication indexes")

    def publications(self):
        return (
            PublicationPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-publication_date", "-pk")
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An outdated or mistyped kind still shows the publications, with a notice.
        kind, unknown_kind, kinds = choice_filter(request, Kind)
        publications = self.publications().filter(kind=kind) if kind else self.publications()
        context.update(
            publications=Paginator(publications, PUBLICATIONS_PER_PAGE).get_page(request.GET.get("page")),
            kinds=kinds,
            kind=kind,
            unknown_kind=unknown_kind,
            query=f"kind={kind}" if kind else "",
        )
        return context


class PublicationDocument(DocumentRow):
    """A downloadable file of the publication: the report itself, an annex, a translation."""

    page = ParentalKey("publications.PublicationPage", on_delete=models.CASCADE, related_name="documents")

    class Meta(DocumentRow.Meta):
        verbose_name = _("publication document")
        verbose_name_plural = _("publication documents")

    @property
    def file_format(self):
        """The file extension in capitals (PDF, DOCX), as visitors know formats."""
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        """Size in bytes, or None when the file is missing from storage."""
        return self.document.get_file_size()


class PublicationPage(ContentPage):
    """A report, a set of recommendations or a methodological document, with its files."""

    search_date_field = "publication_date"
    visitor_type = _("publication")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    authors = StreamField(AuthorsBlock(), blank=True, verbose_name=_("authors"))
    addressees = StreamField(
        AddresseesBlock(),
        blank=True,
        verbose_name=_("addressees"),
        help_text=_("Ministries, agencies and other bodies the publication is addressed to."),
    )
    summary = RichTextField(_("summary"), blank=True, features=SUMMARY_FEATURES)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    og_type = "article"
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
        MultiFieldPanel([FieldPanel("authors"), FieldPanel("addressees")], heading=_("Authors and addressees")),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        FieldPanel("body"),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("authors"),
        index.SearchField("addressees"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]
    api_fields = ContentPage.api_fields + [
        APIField("kind"),
        APIField("publication_date"),
        APIField("authors"),
        APIField("addressees"),
        APIField("summary"),
        APIField("documents", serializer=DocumentsField()),
    ]
    translatable_fields = ContentPage.translatable_fields + [
        TranslatableField("authors"),
        TranslatableField("addressees"),
        TranslatableField("summary"),
        TranslatableField("documents"),
        SynchronizedField("kind"),
        SynchronizedField("publication_date"),
        SynchronizedField("cover_image"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def social_image(self):
        return self.cover_image or super().social_image()

    def downloads(self):
        return list(self.documents.select_related("document"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = self.downloads()
        return context

    def structured_data(self, request):
        """A schema.org Report: who wrote it, for whom, and the files that carry it."""
        authors = [
            {"@type": "Person" if block.block_type == "person" else "Organization", "name": block.value}
            for block in self.authors
        ]
        description = self.search_description or self.intro or strip_tags(self.summary).strip()
        data = {
            "@type": "Report",
            "name": self.title,
            "datePublished": self.publication_date.isoformat(),
            "author": authors,
            "publisher": {"@type": "Organization", "name": str(PUBLISHER)},
            "inLanguage": self.locale.language_code,
            "url": page_url(self, request),
            "genre": str(self.get_kind_display()),
        }
        if description:
            data["description"] = description
        if self.addressees:
            data["audience"] = [{"@type": "Audience", "name": block.value} for block in self.addressees]
        encodings = [
            {
                "@type": "MediaObject",
                "name": item.display_title,
                "contentUrl": absolute_url(item.document.url),
                "encodingFormat": item.document.content_type,
                **({"contentSize": content_size(item.file_size)} if item.file_size is not None else {}),
            }
            for item in self.downloads()
        ]
        if encodings:
            data["encoding"] = encodings
        return data


def content_size(size):
    """A file size the way schema.org expects it, in English whatever the page's language ("1.2 MB")."""
    with translation.override("en"):
        return filesizeformat(size).replace("\xa0", " ")
