"""Registrations for events: confirmed places up to the capacity, then a waiting list.

A registration takes a place (or a place in the queue) only once its address is confirmed through
the link of the first e-mail, within ``CONFIRMATION_WINDOW``: made-up addresses cannot fill an event
or push real people onto the waiting list, and the site mails an address once before it is confirmed.
Unconfirmed registrations expire, which frees the address to register again.

Places are counted and given out with the event's row locked (``select_for_update``), so two
visitors registering at the same moment cannot both take the last place, and a cancellation hands
its place to the first person waiting. Notices are queued in the same transaction (the outbox).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONFIRMATION_WINDOW = timedelta(hours=2)


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
            event.registrations.expire_unconfirmed(now)
            if event.registrations.active().filter(email__iexact=email).exists():
                raise AlreadyRegistered()
            try:
                with transaction.atomic():
                    registration = self.create(
                        event=event,
                        name=name,
                        email=email,
                        organisation=organisation,
                        comment=comment,
                        language=language,
                        status=Registration.Status.PENDING,
                        consented_at=now,
                        created_at=now,
                    )
            except IntegrityError as error:  # the database constraint, should a check above have raced
                raise AlreadyRegistered() from error
            notify(registration, "confirm")
        return registration


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that hold, or may still take, a place or a place in the queue."""
        return self.exclude(status__in=Registration.INACTIVE)

    def expire_unconfirmed(self, now=None):
        """Expire the registrations whose confirmation link has run out; returns how many."""
        cutoff = (now or timezone.now()) - CONFIRMATION_WINDOW
        return self.filter(status=Registration.Status.PENDING, created_at__lt=cutoff).update(
            status=Registration.Status.EXPIRED
        )


class Registration(models.Model):
    """One person's registration for an event: personal data, seen only by organisers."""

    class Status(models.TextChoices):
        PENDING = "pending", _("address not yet confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("not confirmed in time")

    INACTIVE = (Status.CANCELLED, Status.EXPIRED)

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
    confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
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
                condition=~Q(status__in=["cancelled", "expired"]),
                name="registration_unique_email_per_event",
                violation_error_message=_("This e-mail address is already registered for this event."),
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def status_message(self):
        """What the registrant reads right after registering, or after confirming their address."""
        if self.status == self.Status.PENDING:
            return gettext(
                "Almost done: we have sent a link to %(email)s. Follow it within %(hours)d hours to confirm "
                "your address; only then is a place kept for you."
            ) % {"email": self.email, "hours": CONFIRMATION_WINDOW.total_seconds() // 3600}
        if self.status == self.Status.EXPIRED:
            return gettext("This link has expired: the address was not confirmed in time. Please register again.")
        if self.status == self.Status.WAITING:
            return gettext(
                "The event is full: you are on the waiting list. We will write to %(email)s if a place becomes free."
            ) % {"email": self.email}
        return gettext("You are registered. We have sent a confirmation to %(email)s.") % {"email": self.email}

    @property
    def confirmation_expires_at(self):
        return self.created_at + CONFIRMATION_WINDOW

    def confirm(self, now=None):
        """Confirm the address: take a place, or a place on the waiting list when the event is full.

        Confirming twice changes nothing; a link that has run out, or an event that has started,
        expires the registration instead.
        """
        now = now or timezone.now()
        with transaction.atomic():
            event = lock_event(self.event)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status == self.Status.PENDING:
                if now >= current.confirmation_expires_at or now >= event.start:
                    current.status = self.Status.EXPIRED
                else:
                    current.status = self.Status.WAITING if event.is_full() else self.Status.CONFIRMED
                    current.confirmed_at = now
                    notify(current, current.status)
                current.save(update_fields=["status", "confirmed_at"])
            self.status, self.confirmed_at = current.status, current.confirmed_at
        return self.status

    def cancel(self, now=None):
        """Cancel; a confirmed place goes to the first person waiting, if the event has not started.

        Returns the promoted registration, or None.
        """
        now = now or timezone.now()
        with transaction.atomic():
            event = lock_event(self.event)
            current = Registration.objects.select_for_update().get(pk=self.pk)
            if current.status in Registration.INACTIVE:
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
