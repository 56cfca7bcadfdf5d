"""Registrations for events: confirmed places up to the capacity, then a waiting list.

Places are counted and given out with the event's row locked (``select_for_update``), so two
visitors registering at the same moment cannot both take the last place, and a cancellation hands
its place to the first person waiting. Notices are queued in the same transaction (the outbox).
"""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class RegistrationClosed(Exception):
    """Registration closed between the form being shown and sent."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class AlreadyRegistered(Exception):
    """The e-mail address already holds a registration (confirmed or waiting) for the event."""

    message = _("This e-mail address is already registered for this event.")


def lock_event(page):
    """Lock the event's row until the transaction ends: every change of its places goes through here."""
    return type(page).objects.select_for_update(of=("self",)).get(pk=page.pk)


def notify(registration, notice):
    """Queue ``notice`` to the registrant in the current transaction: it goes out only if the transaction commits."""
    from ..tasks import send_registration_notice  # the task module imports the models

    send_registration_notice.enqueue(registration.pk, notice)


class RegistrationManager(models.Manager):
    def register(self, page, *, name, email, organisation, comment, language, now=None):
        """Register for the event shown on ``page`` (any translation); a full event puts people on the waiting list."""
        now = now or timezone.now()
        with transaction.atomic():
            event = lock_event(page.canonical_event)
            reason = event.registration_closed_reason(now)
            if reason:
                raise RegistrationClosed(reason)
            if event.registrations.active().filter(email__iexact=email).exists():
                raise AlreadyRegistered()
            status = Registration.Status.WAITING if event.is_full() else Registration.Status.CONFIRMED
            try:
                with transaction.atomic():
                    registration = self.create(
                        event=event,
                        name=name,
                        email=email,
                        organisation=organisation,
                        comment=comment,
                        language=language,
                        status=status,
                        consented_at=now,
                    )
            except IntegrityError as error:  # the database constraint, should a check above have raced
                raise AlreadyRegistered() from error
            notify(registration, "confirmed" if status == Registration.Status.CONFIRMED else "waiting")
        return registration


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that hold a place or a place in the queue."""
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    """One person's registration for an event: personal data, seen only by organisers."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=255)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token, editable=False)
    consented_at = models.DateTimeField(_("consent to personal data processing given at"))
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationManager.from_queryset(RegistrationQuerySet)()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status="cancelled"),
                name="registration_unique_email_per_event",
                violation_error_message=_("This e-mail address is already registered for this event."),
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def status_message(self):
        """What the registrant reads right after registering."""
        if self.status == self.Status.WAITING:
            return gettext(
                "The event is full: you are on the waiting list. We will write to %(email)s if a place becomes free."
            ) % {"email": self.email}
        return gettext("You are registered. We have sent a confirmation to %(email)s.") % {"email": self.email}

    def cancel(self, now=None):
        """Cancel; a confirmed place goes to the first person waiting, if the event has not started.

        Returns the promoted registration, or None.
        """
        now = now or timezone.now()
        with transaction.atomic():
            event = lock_event(self.event)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                return None
            was_confirmed = current.status == self.Status.CONFIRMED
            current.status, current.cancelled_at = self.Status.CANCELLED, now
            current.save(update_fields=["status", "cancelled_at"])
            self.status, self.cancelled_at = current.status, current.cancelled_at
            if not was_confirmed or now >= event.start or event.is_full():
                return None
            promoted = event.registrations.filter(status=self.Status.WAITING).order_by("created_at", "pk").first()
            if promoted is None:
                return None
            promoted.status = self.Status.CONFIRMED
            promoted.save(update_fields=["status"])
            notify(promoted, "promoted")
        return promoted
