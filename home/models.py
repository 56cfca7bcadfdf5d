"""The home page, standard pages and the abstract base every public page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from depository.hooks import HOME_SECTIONS
from search.text import index_terms

from .blocks import BodyBlock
from .headless_preview import FrontendPreviewMixin

# Read first or last by ``searchable_texts``, or derived from it.
SEARCH_TEXTS_SKIPPED = {"title", "intro", "search_description", "search_terms"}


class BasePage(FrontendPreviewMixin, Page):
    """Every public page: a lead paragraph, a demo-content marker and the translation contract.

    ``translatable_fields`` lists what translators translate and what stays the same in every
    locale; page types extend the list with their own fields.
    """

    intro = models.TextField(
        _("lead paragraph"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Demo content is labelled as such on the page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("is_demo")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_terms")]
    api_fields = [APIField("intro"), APIField("is_demo")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("is_demo"),
    ]

    def searchable_texts(self):
        """The texts of the page's search fields, the lead first and the title last."""
        texts = [self.search_description, self.intro]
        for search_field in self.get_search_fields():
            if isinstance(search_field, index.SearchField) and search_field.field_name not in SEARCH_TEXTS_SKIPPED:
                value = search_field.get_value(self)
                texts.extend(value if isinstance(value, list) else [value])
        return [str(text) for text in [*texts, self.title] if text]

    def search_terms(self):
        """Lemmas, stems and transliterations of the page's searchable text (see ``search.text``)."""
        return index_terms(self.searchable_texts())

    #: The date field whose year the page counts under in search facets; None: no year (a static page's
    #: publication date says nothing about what it is about).
    search_date_field = None
    #: What visitors are told the page is, in search results and facets: the admin's model names
    #: ("standard page", "events index") are the editors' words, not theirs.
    visitor_type = _("Page")

    def search_facets(self):
        """What the page counts under in search facets; page types with categories or regions add them."""
        date = getattr(self, self.search_date_field) if self.search_date_field else None
        return {"year": date.year if date else None}

    def structured_data(self, request):
        """The page's schema.org description as a JSON-LD dict, or None; page types override it."""
        return None

    #: The Open Graph type of the page ("website", or "article" for dated pieces such as news).
    og_type = "website"

    def social_image(self):
        """The Wagtail image that represents the page when shared, or None; page types override it."""
        return None

    class Meta:
        abstract = True


class ContentPage(BasePage):
    """A page whose body is built from the shared block library."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        abstract = True

    def social_image(self):
        """The first image of the body."""
        return next((block.value["image"] for block in self.body if block.block_type == "image"), None)


def footer_page(verbose_name, help_text):
    """A page the home page names for the footer; the page may go, the home page stays."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class HomePage(ContentPage):
    """The root page of a locale; apps add sections to it through the ``HOME_SECTIONS`` hook.

    It also names the pages every footer links to, so that they are chosen by editors, not by slug.
    """

    contacts_page = footer_page(_("contacts page"), _("Linked from the footer of every page."))
    privacy_page = footer_page(
        _("privacy notice"),
        _("Linked from the footer of every page and from the forms that ask for personal data."),
    )

    parent_page_types = ["wagtailcore.Page"]
    content_panels = ContentPage.content_panels + [
        MultiFieldPanel([FieldPanel("contacts_page"), FieldPanel("privacy_page")], heading=_("Footer"))
    ]
    # The same pages in every language: the footer shows each one's translation in the visitor's language.
    translatable_fields = ContentPage.translatable_fields + [
        SynchronizedField("contacts_page"),
        SynchronizedField("privacy_page"),
    ]

    def linked_page(self, name):
        """The page field ``name`` names, in the current language where it is translated; None unless live."""
        page = getattr(self, name)
        page = page.localized if page else None
        return page if page is not None and page.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = (section(request, self) for section in hooks.get_hooks(HOME_SECTIONS))
        context["sections"] = [section for section in sections if section]
        return context

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(ContentPage):
    """About, methodology, partners, contacts and other pages of plain content."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class VideoPoster(models.Model):
    """A YouTube clip's picture, fetched once from YouTube by the server and kept as a local image.

    Pages show it as the clip's poster (``home/includes/video_facade.html``), so a visitor's browser
    asks nothing of YouTube before the visitor presses play. ``home.tasks.fetch_video_poster`` makes it
    when a page with the clip is published.
    """

    video_id = models.CharField(_("YouTube video ID"), max_length=11, unique=True)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("video poster")
        verbose_name_plural = _("video posters")

    def __str__(self):
        return self.video_id

    @classmethod
    def image_for(cls, source):
        """The local poster image of a clip (a ``home.video.VideoSource``), or None."""
        if source is None or source.provider != "youtube":
            return None
        poster = cls.objects.filter(video_id=source.video_id).select_related("image").first()
        return poster.image if poster else None


class DocumentRow(TranslatableMixin, Orderable):
    """A page's link to a document of the documents library, one row per language.

    A document has one title, usually in the language it was uploaded in. The row is translated with
    its page: the translator may point the translation at another document (the English file) and
    translates the link's title, so an English page never has to show a Ukrainian title. The title is
    the editor's, or else the document's own, copied when the row is saved: wagtail-localize offers
    only what the source row holds for translation. Concrete rows add the ``page`` parental key.
    """

    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("The link's text; left blank, it is the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    # A document is not translatable itself: the translation keeps the same one unless the translator
    # overrides it with another (wagtail-localize's overridable segment, a document chooser).
    translatable_fields = [SynchronizedField("document", overridable=True), TranslatableField("title")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def save(self, *args, **kwargs):
        if not self.title and self.document_id:
            self.title = self.document.title
        super().save(*args, **kwargs)

    @property
    def display_title(self):
        """The title visitors see: the row's own, else the document's."""
        return self.title or self.document.title
