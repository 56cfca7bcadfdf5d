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
