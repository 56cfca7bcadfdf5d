"""Send an e-mail once per idempotency key, even when the worker dies in the middle of sending.

``run_once`` alone records the send in a transaction that commits after the mail server accepted the
message, so a worker killed between the two sends the message again. Over SMTP, ``send_once``
instead records the key after the message's content has gone to the server and before the final
end-of-data line, the one that makes the server accept it:

- killed before the record commits: the server discards the unfinished message, the task is
  delivered again and sends it;
- killed after: the record says "sent" and a second delivery sends nothing; in the moment between
  the record and the server's answer the message can be lost, never duplicated (a refusal from the
  server removes the record again, so a refused message is retried).

Every message also carries a ``Message-ID`` derived from its key, the same at every attempt, so a
mail system that still receives a copy twice can tell them apart as one message. Subjects are made
single-line: an editor's newline in a title must not make every send fail.
"""

import hashlib
import logging
import re
import smtplib

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db import IntegrityError, connection, transaction

from .idempotency import AlreadyDone, run_once
from .models import CompletedJob

logger = logging.getLogger(__name__)

LEADING_PERIOD = re.compile(rb"(?m)^\.")


def single_line(text):
    return " ".join(str(text).split())


def message_id(key):
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}@{domain}>"


def send_once(message, key):
    """Send ``message`` (an ``EmailMessage``) unless a send under ``key`` took effect; raise AlreadyDone then."""
    message.subject = single_line(message.subject)
    message.extra_headers = {**message.extra_headers, "Message-ID": message_id(key)}
    backend = message.get_connection()
    if not isinstance(backend, SMTPBackend) or connection.in_atomic_block:
        # Inside a transaction the record can only commit with it; other backends have no
        # "accepted" moment to race with.
        with run_once(key):
            message.send()
        return
    if CompletedJob.objects.filter(key=key).exists():
        raise AlreadyDone(key)
    backend.open()
    try:
        send_recorded(backend.connection, message, key)
    finally:
        backend.close()


def send_recorded(smtp, message, key):
    """One SMTP transaction for ``message`` that records ``key`` just before the server accepts it."""
    sender = sanitize_address(message.from_email, message.encoding)
    recipients = [sanitize_address(address, message.encoding) for address in message.recipients()]
    content = LEADING_PERIOD.sub(b"..", message.message().as_bytes(linesep="\r\n"))
    if not content.endswith(b"\r\n"):
        content += b"\r\n"

    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if len(refused) == len(recipients):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = smtp.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    smtp.send(content)

    try:
        with transaction.atomic():
            CompletedJob.objects.create(key=key)
    except IntegrityError as error:
        smtp.close()  # another delivery of the same task sent it: this unfinished copy is discarded
        raise AlreadyDone(key) from error

    try:
        smtp.send(b".\r\n")
        code, reply = smtp.getreply()
    except (OSError, smtplib.SMTPException):
        logger.error("mail %s: the connection failed at the end of the message; it may not have arrived", key)
        return
    if code != 250:
        CompletedJob.objects.filter(key=key).delete()  # refused: nothing arrived, a retry sends it
        raise smtplib.SMTPDataError(code, reply)
    if refused:
        logger.warning("mail %s: refused for %s", key, ", ".join(refused))
