"""The e-mails a registrant receives, written in the language they registered in."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.site_url import absolute_url, page_url

from .models import EVENT_TIME_ZONE

SUBJECTS = {
    "confirm": _("Confirm your registration: %(event)s"),
    "confirmed": _("Registration confirmed: %(event)s"),
    "waiting": _("You are on the waiting list: %(event)s"),
    "promoted": _("A place has become free, you are registered: %(event)s"),
}


def registration_email(registration, notice):
    """The ``notice`` for ``registration``: "confirm" (the address), then "confirmed", "waiting" or "promoted"."""
    with translation.override(registration.language):
        page = registration.event.specific.localized
        context = {
            "notice": notice,
            "registration": registration,
            "page": page,
            "starts": date_format(timezone.localtime(page.start, EVENT_TIME_ZONE), "DATETIME_FORMAT"),
            "ends": date_format(timezone.localtime(page.end, EVENT_TIME_ZONE), "DATETIME_FORMAT"),
            "page_url": page_url(page),
            "cancel_url": absolute_url(reverse("events:cancel_registration", args=[registration.token])),
            "confirm_url": absolute_url(reverse("events:confirm_registration", args=[registration.token])),
            "expires": date_format(
                timezone.localtime(registration.confirmation_expires_at, EVENT_TIME_ZONE), "DATETIME_FORMAT"
            ),
        }
        return EmailMessage(
            subject=str(SUBJECTS[notice] % {"event": page.title}),
            body=render_to_string("events/emails/registration.txt", context),
            to=[registration.email],
        )
