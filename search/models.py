"""What editors maintain for search: synonym groups; and what visitors asked that found nothing."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .text import words

SYNONYMS_CACHE_KEY = "search:synonym-groups"


class Synonym(models.Model):
    """Terms that mean the same to a visitor: a query with one of them also finds the others.

    One group serves both languages, so it can join a Ukrainian term, its abbreviation and the
    English name (ЦНАП, центр надання адміністративних послуг, administrative service centre).
    """

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("Words or phrases separated by commas, for example: ЦНАП, центр надання адміністративних послуг"),
    )
    note = models.CharField(_("note for editors"), max_length=255, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list())

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(SYNONYMS_CACHE_KEY)
        return result

    def term_list(self):
        return [term for term in (part.strip() for part in self.terms.split(",")) if term]

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": _("Give at least two terms separated by commas.")})
        if any(not words(term) for term in terms):
            raise ValidationError({"terms": _("Every term needs at least one letter or digit.")})

    @classmethod
    def groups(cls):
        """Every group as a list of terms, cached until an editor changes one."""
        groups = cache.get(SYNONYMS_CACHE_KEY)
        if groups is None:
            groups = [synonym.term_list() for synonym in cls.objects.all()]
            cache.set(SYNONYMS_CACHE_KEY, groups, timeout=None)
        return groups


class UnansweredQuery(models.Model):
    """A query that found nothing, counted, so editors can add content, synonyms or promotions."""

    query_string = models.CharField(_("query"), max_length=255)
    language_code = models.CharField(_("language"), max_length=8)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("query with no results")
        verbose_name_plural = _("queries with no results")
        constraints = [
            models.UniqueConstraint(fields=["query_string", "language_code"], name="unique_unanswered_query")
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language_code):
        query_string = query_string.lower()[:255]
        entry, _created = cls.objects.get_or_create(query_string=query_string, language_code=language_code)
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1, last_searched_at=timezone.now())
