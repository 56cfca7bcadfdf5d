"""E-mails sent once per key over a real SMTP server, with a stable Message-ID and a one-line subject."""

import smtplib
from email import message_from_bytes, policy

import pytest
from django.core.mail import EmailMessage

from jobs.idempotency import AlreadyDone
from jobs.mail import message_id, send_once
from jobs.models import CompletedJob

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def smtp(settings, smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return smtp_server


def parsed(envelope):
    return message_from_bytes(envelope.content, policy=policy.default)


def notice(subject="Реєстрацію підтверджено", to="olha@example.org"):
    return EmailMessage(subject=subject, body=".hidden line\nДякуємо!\n", to=[to])


def test_a_message_is_sent_once_per_key_with_the_same_message_id(smtp):
    send_once(notice(), key="test.notice.1")
    with pytest.raises(AlreadyDone):
        send_once(notice(), key="test.notice.1")

    [envelope] = smtp.messages
    received = parsed(envelope)
    assert received["Message-ID"] == message_id("test.notice.1")
    assert received.get_content().startswith(".hidden line")  # dot-stuffing undone by the server
    assert CompletedJob.objects.filter(key="test.notice.1").exists()


def test_a_newline_in_the_subject_does_not_stop_the_message(smtp):
    send_once(notice(subject="Вебінар\nдля громад\r\n  2026"), key="test.notice.2")

    [envelope] = smtp.messages
    assert parsed(envelope)["Subject"] == "Вебінар для громад 2026"


def test_a_message_the_server_refuses_is_not_recorded_and_a_retry_sends_it(smtp):
    smtp.replies.append("451 Try again later")

    with pytest.raises(smtplib.SMTPDataError):
        send_once(notice(), key="test.notice.3")
    assert not CompletedJob.objects.filter(key="test.notice.3").exists()

    send_once(notice(), key="test.notice.3")
    assert len(smtp.messages) == 1
