"""Background work of events: the registrants' e-mails, each sent once per registration and notice.

With Redis configured the project's task backend hands the task to Celery after the transaction
commits; a task delivered twice finds its ``run_once`` key recorded and sends nothing.
"""

from django_tasks import task

from jobs.idempotency import AlreadyDone, run_once

from .emails import registration_email
from .models import Registration


@task
def send_registration_notice(registration_id, notice):
    registration = Registration.objects.select_related("event").get(pk=registration_id)
    if registration.status == Registration.Status.CANCELLED:
        return "cancelled"  # they cancelled before the notice went out: nothing left to tell them
    try:
        with run_once(f"events.registration.{registration_id}.{notice}"):
            registration_email(registration, notice).send()
    except AlreadyDone:
        return "already sent"
    return "sent"
