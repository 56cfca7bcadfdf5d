"""The jury: experts in panels per nomination, their conflicts, assignments and scores.

An expert is a user in the "Contest experts" group with a profile saying where they work, so that
assignment never gives them an entry of their own organisation or region.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

EXPERTS_GROUP = "Contest experts"
ORGANISERS_GROUP = "Contest organisers"


class ExpertProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="expert_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    region = models.ForeignKey(
        "practices.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class JuryPanel(models.Model):
    """The experts who evaluate one nomination's entries."""

    nomination = models.OneToOneField(
        "contest.Nomination", verbose_name=_("nomination"), on_delete=models.CASCADE, related_name="panel"
    )
    experts = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("experts"), related_name="jury_panels")

    class Meta:
        verbose_name = _("jury panel")
        verbose_name_plural = _("jury panels")

    def __str__(self):
        return str(self.nomination)


class Conflict(models.Model):
    """An expert's declaration on an entry: a conflict of interest, or abstaining; either bars assignment."""

    class Kind(models.TextChoices):
        CONFLICT = "conflict", _("conflict of interest")
        ABSTAIN = "abstain", _("abstains")

    entry = models.ForeignKey(
        "contest.Entry", verbose_name=_("entry"), on_delete=models.CASCADE, related_name="conflicts"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="contest_conflicts"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("reason"), blank=True)
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["entry", "expert"], name="contest_conflict_unique")]

    def __str__(self):
        return f"{self.expert}: {self.get_kind_display()} ({self.entry})"


class Assignment(models.Model):
    """An entry given to an expert to score; ``submitted_at`` is set when the expert submits all scores."""

    class Method(models.TextChoices):
        MANUAL = "manual", _("by hand")
        CSV = "csv", _("from a CSV file")
        AUTOMATIC = "automatic", _("automatically")

    entry = models.ForeignKey(
        "contest.Entry", verbose_name=_("entry"), on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="contest_assignments"
    )
    method = models.CharField(_("assigned"), max_length=10, choices=Method.choices, default=Method.MANUAL)
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("scores submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [models.UniqueConstraint(fields=["entry", "expert"], name="contest_assignment_unique")]

    def __str__(self):
        return f"{self.entry} → {self.expert}"


class Score(models.Model):
    """One expert's score of one entry on one criterion, with the comment the participant reads unsigned."""

    assignment = models.ForeignKey(
        Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "contest.Criterion", verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"))
    scored_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="contest_score_unique")]

    def __str__(self):
        return f"{self.assignment}: {self.criterion} = {self.value}"

    def clean(self):
        super().clean()
        if self.value is not None and not self.criterion.min_score <= self.value <= self.criterion.max_score:
            message = _("Score %(value)s is outside the scale %(min)s–%(max)s of “%(criterion)s”.")
            params = {
                "value": self.value,
                "min": self.criterion.min_score,
                "max": self.criterion.max_score,
                "criterion": self.criterion.name,
            }
            raise ValidationError({"value": ValidationError(message, params=params)})
        if not self.comment.strip():
            raise ValidationError({"comment": _("Write a comment for this score.")})
