"""The consultation thread of an entry: a participant's questions and the organisers' answers.

``post`` is the one way a message is added (by the participant's page, the organisers' page or the
admin): it saves the message and queues the e-mail to the other side in the same transaction.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from .models import EntryQuestion
from .models.jury import ORGANISERS_GROUP


def organisers_addresses():
    """Where the organisers read questions: CONTEST_ORGANISERS_EMAIL, or their group's members' addresses."""
    if settings.CONTEST_ORGANISERS_EMAIL:
        return [settings.CONTEST_ORGANISERS_EMAIL]
    users = get_user_model().objects.filter(groups__name=ORGANISERS_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def post(entry, author, body, *, from_organisers):
    """Add ``body`` to ``entry``'s thread and notify the other side; returns the message."""
    from .tasks import send_question_notice  # the tasks import the models

    with transaction.atomic():
        message = EntryQuestion.objects.create(
            entry=entry, author=author, body=body.strip(), from_organisers=from_organisers
        )
        send_question_notice.enqueue(message.pk)
    return message
