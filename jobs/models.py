import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletedJob(models.Model):
    """A unit of background work that has taken effect; see ``jobs.idempotency.run_once``."""

    key = models.CharField(_("key"), max_length=255, unique=True)
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("completed job")
        verbose_name_plural = _("completed jobs")

    def __str__(self):
        return self.key


class OutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(relayed_at__isnull=True)


class OutboxMessage(models.Model):
    """A task written in the transaction of the data it is about, waiting to be relayed to the broker.

    See ``jobs.outbox``.
    """

    task_id = models.UUIDField(_("task ID"), default=uuid.uuid4, unique=True, editable=False)
    task_path = models.CharField(_("task"), max_length=255)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("keyword arguments"), default=dict)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    relayed_at = models.DateTimeField(_("relayed at"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(fields=["id"], condition=models.Q(relayed_at__isnull=True), name="jobs_outbox_pending"),
            models.Index(fields=["relayed_at"], name="jobs_outbox_relayed_at"),
        ]

    def __str__(self):
        return f"{self.task_path} {self.task_id}"
