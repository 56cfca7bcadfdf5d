"""News with video clips, the news index with its RSS and Atom feeds, and the site's video gallery."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage, ContentPage
from home.site_url import absolute_url, page_url
from home.video import parse_video_url
from practices.api_fields import TagsField

from .api_fields import RelatedCasesField
from .feeds import AtomNewsFeed, RssNewsFeed, organisation
from .videos import locale_clips, page_clips, with_youtube_posters

NEWS_PER_PAGE = 10
CLIPS_PER_PAGE = 24
HERO_RENDITION = "fill-1200x675"


class NewsIndexPage(RoutablePageMixin, ContentPage):
    """The news of one language, newest first, with a tag filter and RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        """The live public news of this index, newest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )

    def tags(self):
        """The tags of this index's news, with how many news carry each."""
        news = self.news().values("pk")
        return (
            Tag.objects.filter(news_newstag_items__content_object__in=news)
            .annotate(count=Count("news_newstag_items", distinct=True))
            .order_by("name")
        )

    def feed_urls(self, request):
        url = self.get_url(request)
        return {"rss": url + self.reverse_subpage("feed_rss"), "atom": url + self.reverse_subpage("feed_atom")}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tags = list(self.tags())
        slug = request.GET.get("tag", "").strip()
        tag = next((tag for tag in tags if tag.slug == slug), None)
        news = self.news().select_related("hero_image")
        if slug:
            news = news.filter(tags=tag) if tag else news.none()
        context.update(
            news=Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page")),
            tags=tags,
            tag=tag,
            unknown_tag=slug if slug and tag is None else "",
            query=urlencode({"tag": tag.slug}) if tag else "",
            feeds=self.feed_urls(request),
        )
        return context

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return RssNewsFeed()(request, index=self)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return AtomNewsFeed()(request, index=self)


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsRelatedCase(Orderable):
    """A case the news is about; a translation of the news shows the case in its own language."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="related_cases")
    case = models.ForeignKey("practices.CasePage", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("case")]

    class Meta(Orderable.Meta):
        verbose_name = _("related case")
        verbose_name_plural = _("related cases")


class NewsPage(BasePage):
    """A news item: date, lead (``intro``), hero image, a body with video clips, tags and related cases.

    Tags are words of the page's language, so each translation keeps its own rather than a copy.
    """

    search_date_field = "date"
    visitor_type = _("news item")

    date = models.DateField(_("publication date"), default=timezone.localdate)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image text alternative"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_cases", heading=_("Related cases"), label=_("Case")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("hero_image", serializer=ImageRenditionField(HERO_RENDITION)),
        APIField("hero_image_alt"),
        APIField("tags", serializer=TagsField()),
        APIField("related_cases", serializer=RelatedCasesField(source="cases")),
        APIField("body"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("hero_image"),
        SynchronizedField("related_cases"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    og_type = "article"

    def social_image(self):
        return self.hero_image

    def clean(self):
        super().clean()
        if not self.intro.strip():
            raise ValidationError({"intro": _("Write the lead: one or two sentences that sum up the news.")})
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Describe the hero image for people who cannot see it.")})

    def cases(self):
        """The live related cases, each in this page's language where it is translated."""
        cases = []
        prefetched = "related_cases" in getattr(self, "_prefetched_objects_cache", {})  # as the API does
        rows = self.related_cases.all() if prefetched else self.related_cases.select_related("case")
        for row in rows:
            case = row.case
            if case.locale_id != self.locale_id:
                case = case.get_translation_or_none(self.locale) or case
            if case.live:
                cases.append(case)
        return cases

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index"] = self.get_parent()
        context["cases"] = self.cases()
        return context

    def structured_data(self, request):
        """A schema.org NewsArticle, with its clips as VideoObjects."""
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": page_url(self, request),
            "author": organisation(request),
            "publisher": organisation(request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.hero_image:
            data["image"] = [absolute_url(self.hero_image.get_rendition(HERO_RENDITION).url)]
        keywords = [tag.name for tag in self.tags.all()]
        if keywords:
            data["keywords"] = keywords
        clips = page_clips(self)
        if clips:
            data["video"] = [clip.structured_data(request, self.date) for clip in clips]
        return data


class VideoGalleryPage(ContentPage):
    """Every video clip of the site in this page's language, each linked to the page it is on."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("video gallery")
        verbose_name_plural = _("video galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        clips = Paginator(locale_clips(self.locale_id), CLIPS_PER_PAGE).get_page(request.GET.get("page"))
        clips.object_list = with_youtube_posters(list(clips.object_list))
        context["clips"] = clips
        return context


class VideoClip(models.Model):
    """A clip of a live page as it was when the page was published, for the video gallery (news/videos.py)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()  # in the page's reading order
    published_at = models.DateTimeField()  # the page's first publication: the gallery shows the newest first
    title = models.CharField(max_length=255)
    url = models.URLField(max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    poster = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_id = models.CharField(max_length=11, blank=True)  # a YouTube clip's, to find its local poster
    caption = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("video clip")
        verbose_name_plural = _("video clips")
        ordering = ["-published_at", "page_id", "position"]
        indexes = [models.Index(fields=["locale", "-published_at"], name="news_videoclip_gallery")]

    def __str__(self):
        return self.title

    @cached_property
    def source(self):
        """The YouTube or Vimeo video, when the clip is one (and not an uploaded file)."""
        return None if self.document_id else parse_video_url(self.url)
