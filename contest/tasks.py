"""Background work of the contest: its e-mails, each sent once (``jobs.mail.send_once``), and the
periodic release of results.

Queued through the outbox in the transaction that submits the entry, saves the message or releases
the results, so a task delivered twice finds its key recorded and sends nothing.
"""

from django_tasks import task

from jobs.idempotency import AlreadyDone
from jobs.mail import send_once

from . import results
from .consultations import organisers_addresses
from .emails import confirmation_email, question_email
from .models import Entry, EntryQuestion


@task
def send_entry_confirmation(entry_id):
    """The participant's confirmation of a submission; one per submission (a withdrawn and resubmitted
    entry has a new ``submitted_at``, and gets a new confirmation)."""
    entry = Entry.objects.select_related("contest", "participant__user").get(pk=entry_id)
    if entry.status != Entry.Status.SUBMITTED:
        return entry.status  # withdrawn before the confirmation went out
    key = f"contest.entry.{entry.pk}.submitted.{entry.submitted_at.timestamp():.6f}"
    try:
        send_once(confirmation_email(entry), key=key)
    except AlreadyDone:
        return "already sent"
    return "sent"


@task
def send_question_notice(question_id):
    """The other side's notice of a new consultation message."""
    message = EntryQuestion.objects.select_related("entry__contest", "entry__participant__user").get(pk=question_id)
    organisers = [] if message.from_organisers else organisers_addresses()
    if not message.from_organisers and not organisers:
        return "no organisers' address"
    try:
        send_once(question_email(message, organisers), key=f"contest.question.{message.pk}")
    except AlreadyDone:
        return "already sent"
    return "sent"


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
