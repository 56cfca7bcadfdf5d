"""Background work of the contest: e-mails, each sent once per key, and the periodic release of results.

The release runs periodically (``CELERY_BEAT_SCHEDULE``); each result e-mail is its own task, sent
once per entry however often it is delivered (``jobs.mail.send_once``).
"""

from django_tasks import task

from jobs.idempotency import AlreadyDone
from jobs.mail import send_once

from . import results
from .models import Entry

# --- Results: the release and the result e-mails ------------------------------------------------


@task
def release_due_results():
    """Periodic: release the results of the contests whose results date has passed."""
    return [contest.pk for contest in results.release_due_results()]


@task
def send_result_email(entry_id):
    entry = Entry.objects.select_related("contest", "participant__user").get(pk=entry_id)
    try:
        send_once(results.result_email(entry), key=results.result_email_key(entry))
    except AlreadyDone:
        return "already sent"
    return "sent"
