"""An entry: a case submitted to a contest, in the structure of the case interchange format.

Every step of the form saves into the entry as the participant goes (``status`` stays ``draft``), so
nothing typed is lost. Files are stored on the private storage, served only to the entry's
participant, the organisers and the experts assigned to it.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from practices.models.cases import FIRST_YEAR, LAST_YEAR, Award


def new_entry_key():
    """A stable key of an entry, short enough to read on a scoresheet, never reused."""
    return "e-" + secrets.token_hex(4)


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class Entry(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Screening(models.TextChoices):
        PENDING = "pending", _("not screened yet")
        ELIGIBLE = "eligible", _("eligible")
        INELIGIBLE = "ineligible", _("not eligible")

    contest = models.ForeignKey(
        "contest.ContestPage", verbose_name=_("contest"), on_delete=models.PROTECT, related_name="entries"
    )
    participant = models.ForeignKey(
        "contest.Participant", verbose_name=_("participant"), on_delete=models.PROTECT, related_name="entries"
    )
    key = models.CharField(_("key"), max_length=20, unique=True, default=new_entry_key, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    step = models.PositiveSmallIntegerField(_("last step saved"), default=0)

    # The case interchange format's fields, all optional while a draft: submitting checks them.
    nomination = models.ForeignKey(
        "contest.Nomination",
        verbose_name=_("nomination"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    community = models.CharField(_("community"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year implementation started"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    problem = models.TextField(_("problem addressed"), blank=True)
    solution = models.TextField(_("solution and technologies"), blank=True)
    results = models.TextField(_("results"), blank=True)
    indicators = models.JSONField(_("measurable results"), default=list, blank=True)  # [{"label", "value"}]
    replication = models.TextField(_("replicability"), blank=True)
    categories = models.ManyToManyField(
        "practices.Category", verbose_name=_("categories"), blank=True, related_name="+"
    )
    links = models.JSONField(_("links"), default=list, blank=True)  # [{"title", "url"}]
    video_url = models.URLField(_("video address"), max_length=500, blank=True)

    # What was typed into a step that did not validate, by step number, exactly as sent: shown again
    # with its errors until the step is saved valid (contest/submission.py).
    unsaved = models.JSONField(_("unsaved input"), default=dict, blank=True, editable=False)

    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    screening = models.CharField(_("screening"), max_length=10, choices=Screening.choices, default=Screening.PENDING)
    screening_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Shown to the participant when the entry is not eligible.")
    )
    award = models.CharField(_("decision"), max_length=10, choices=Award.choices, blank=True)
    case = models.ForeignKey(
        "practices.CasePage",
        verbose_name=_("library case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or self.key


class EntryFile(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        PHOTO = "photo", _("photo")

    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to="contest/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size, bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.name


class EntryQuestion(models.Model):
    """One message of the consultation thread of an entry, from its participant or the organisers."""

    entry = models.ForeignKey(Entry, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    from_organisers = models.BooleanField(_("from the organisers"), default=False)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("consultation message")
        verbose_name_plural = _("consultation messages")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.entry}: {self.created_at:%Y-%m-%d %H:%M}"
