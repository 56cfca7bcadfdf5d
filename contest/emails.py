"""The contest's e-mails to participants and organisers, in the participant's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from home.site_url import absolute_url


def entry_links(entry):
    return {
        "review_url": absolute_url(reverse("contest:entry_step", args=[entry.key, 9])),
        "questions_url": absolute_url(reverse("contest:entry_questions", args=[entry.key])),
    }


def confirmation_email(entry):
    """The participant's confirmation that ``entry`` was submitted."""
    with translation.override(entry.language):
        contest = entry.contest.localized
        context = {
            "entry": entry,
            "contest": contest,
            "submitted": date_format(timezone.localtime(entry.submitted_at), "DATETIME_FORMAT"),
            "deadline": date_format(timezone.localtime(contest.submissions_close_at), "DATETIME_FORMAT"),
            **entry_links(entry),
        }
        return EmailMessage(
            subject=gettext("Your entry is submitted: %(title)s") % {"title": entry.title},
            body=render_to_string("contest/emails/entry_submitted.txt", context),
            to=[entry.participant.user.email],
        )


def question_email(message, organisers):
    """A new consultation message, to the participant (an answer) or to ``organisers`` (a question)."""
    entry = message.entry
    language = entry.language if message.from_organisers else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"message": message, "entry": entry, "contest": entry.contest.localized, **entry_links(entry)}
        if message.from_organisers:
            subject = gettext("The organisers answered about your entry: %(title)s")
            recipients = [entry.participant.user.email]
        else:
            subject = gettext("A participant's question about the entry %(title)s")
            recipients = organisers
        return EmailMessage(
            subject=subject % {"title": entry.title or entry.key},
            body=render_to_string("contest/emails/question.txt", context),
            to=recipients,
        )
