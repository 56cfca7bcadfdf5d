"""Background work of events: the registrants' e-mails, each sent once per registration and notice.

With Redis configured the task is queued through the outbox in the registration's transaction; a task
delivered twice finds its key recorded (``jobs.mail.send_once``) and sends nothing.
"""

from django_tasks import task

from jobs.idempotency import AlreadyDone
from jobs.mail import send_once

from .emails import registration_email
from .models import Registration


@task
def send_registration_notice(registration_id, notice):
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if registration.status in Registration.INACTIVE:
        return registration.status  # cancelled or expired before the notice went out: nothing left to tell
    try:
        send_once(registration_email(registration, notice), key=f"events.registration.{registration_id}.{notice}")
    except AlreadyDone:
        return "already sent"
    return "sent"


@task
def expire_unconfirmed_registrations():
    """Periodic: registrations whose confirmation link ran out free their address."""
    return Registration.objects.expire_unconfirmed()
