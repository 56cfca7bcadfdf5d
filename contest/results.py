"""Releasing a contest's results: every decision at once, at the results date, and one e-mail per entry.

Organisers mark winners and finalists on the entries beforehand; none of it shows anywhere until the
release (``ContestPage.results_public``). ``release_due_results`` runs periodically: for each contest
whose results date has passed and whose results are not released yet, it records the moment on the
contest's source page and queues each submitted entry's result e-mail, in one transaction. The
release is claimed by a conditional update, so two runs at the same moment release once; each
e-mail is sent under its own key (``jobs.mail.send_once``), so a redelivered task sends nothing more.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from home.site_url import absolute_url, page_url

from .models import ContestPage, Entry, Score

logger = logging.getLogger(__name__)

RELEASE_ACTION = "contest.results.release"
SUBJECT = _("The results of the contest: %(contest)s")


def result_email_key(entry):
    return f"contest.result.{entry.pk}"


def release_due_results(now=None):
    """Release the results of every live contest whose results date has passed; return the contests released."""
    now = now or timezone.now()
    released = []
    due = ContestPage.objects.live().filter(results_at__lte=now, results_released_at__isnull=True)
    for contest in due.order_by("pk"):
        if contest.source.pk == contest.pk and release(contest, now):
            released.append(contest)
    return released


def release(contest, now):
    """Release ``contest`` (a source page) unless another run did; True when this run released it."""
    from .tasks import send_result_email  # the tasks module imports this one

    with transaction.atomic():
        claimed = ContestPage.objects.filter(pk=contest.pk, results_released_at__isnull=True).update(
            results_released_at=now
        )
        if not claimed:
            return False
        contest.results_released_at = now
        entries = list(contest.entries.filter(status=Entry.Status.SUBMITTED).values_list("pk", flat=True))
        for entry_id in entries:
            send_result_email.enqueue(entry_id)
        log(contest, RELEASE_ACTION, data={"entries": len(entries)})
    logger.info("contest %s: results released, %d result e-mails queued", contest.pk, len(entries))
    return True


def decision(entry):
    """What the organisers decided about ``entry``, in the active language."""
    if entry.screening == Entry.Screening.INELIGIBLE:
        return _("not eligible")
    if entry.award:
        return entry.get_award_display()
    return _("took part, without an award")


def expert_comments(entry, page):
    """The experts' comments per criterion, named in the language of ``page``, without the experts' names.

    Only the scores of experts who submitted them count; each criterion lists its comments in the
    order they were written, so nothing hints at which expert wrote which.
    """
    names = {criterion.key: criterion.name for criterion in page.criteria.all()}
    scores = (
        Score.objects.filter(assignment__entry=entry, assignment__submitted_at__isnull=False)
        .select_related("criterion")
        .order_by("criterion__sort_order", "criterion__pk", "scored_at", "pk")
    )
    criteria = {}
    for score in scores:
        key = score.criterion.key
        criteria.setdefault(key, {"name": names.get(key, score.criterion.name), "comments": []})
        criteria[key]["comments"].append(score.comment)
    return list(criteria.values())


def result_email(entry):
    """The result e-mail of ``entry``, in the language the participant wrote it in."""
    with translation.override(entry.language):
        contest = entry.contest
        locale = Locale.objects.filter(language_code=entry.language).first()
        page = (contest.get_translation_or_none(locale) if locale else None) or contest
        context = {
            "entry": entry,
            "participant": entry.participant,
            "page": page,
            "decision": decision(entry),
            "reason": entry.screening_reason if entry.screening == Entry.Screening.INELIGIBLE else "",
            "criteria": expert_comments(entry, page),
            "results_url": absolute_url((page.get_url() or "") + page.reverse_subpage("results")),
            "page_url": page_url(page),
        }
        return EmailMessage(
            subject=str(SUBJECT % {"contest": page.title}),
            body=render_to_string("contest/emails/result.txt", context),
            to=[entry.participant.user.email],
        )
