"""An accepted entry becomes a draft case of the library, without retyping, and goes to moderation.

The case is created in Ukrainian, the library's source language, whatever language the entry was
written in: English and other versions follow through wagtail-localize as for any case. (An English
entry's text therefore starts as the Ukrainian case's text, for the editors to translate.) The case
gets the entry's nomination key, and its award only once the results are public, so that nothing
decided shows before the release. The entry's documents become Wagtail documents attached to the
case: public once the case is published, like every case document. Converting again returns the
case already made.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.models import Locale

from practices.models import CaseCategory, CaseDocument, CaseIndicator, CaseLibraryPage, CaseLink, CasePage
from practices.models.cases import Status

from .models import Entry, EntryFile
from .models.jury import ORGANISERS_GROUP


def case_key(entry):
    """A case key from the entry's stable key: unique, and the same at every attempt."""
    return f"contest-{entry.key}".lower()


@transaction.atomic
def entry_to_case(entry, user=None):
    """The draft case of an eligible, submitted ``entry``: created on first call, the same one afterwards."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.case_id:
        return entry.case
    if entry.status != Entry.Status.SUBMITTED or entry.screening != Entry.Screening.ELIGIBLE:
        raise ValidationError(_("Only an eligible, submitted entry can become a library case."))
    locale = Locale.get_default()
    library = CaseLibraryPage.objects.filter(locale=locale).first()
    if library is None:
        raise ValidationError(_("There is no case library to put the case in."))
    contest = entry.contest.specific
    participant = entry.participant
    case = CasePage(
        title=entry.title,
        slug=find_available_slug(library, slugify(entry.title, allow_unicode=True) or case_key(entry)),
        key=case_key(entry),
        locale=locale,
        live=False,
        intro=entry.summary,
        problem=entry.problem,
        solution=entry.solution,
        results=entry.results,
        replication=entry.replication,
        region=participant.region,
        community=entry.community or participant.organisation,
        level=participant.level,
        year=entry.year or contest.submissions_open_at.year,
        video_url=entry.video_url,
        status=Status.ACTIVE,
        nomination=entry.nomination.key if entry.nomination else "",
        award=entry.award if contest.results_public else "",
        owner=user,
    )
    case.case_categories = [
        CaseCategory(category=category.get_translation_or_none(locale) or category, sort_order=position)
        for position, category in enumerate(entry.categories.all())
    ]
    case.indicators = [
        CaseIndicator(label=item["label"], value=item["value"], sort_order=position)
        for position, item in enumerate(entry.indicators or [])
    ]
    case.links = [
        CaseLink(title=item.get("title") or item["url"], url=item["url"], sort_order=position)
        for position, item in enumerate(entry.links or [])
    ]
    case.documents = [
        CaseDocument(document=case_document(file, user), sort_order=position)
        for position, file in enumerate(entry.files.filter(kind=EntryFile.Kind.DOCUMENT))
    ]
    library.add_child(instance=case)
    case.save_revision(user=user, log_action=True)
    workflow = case.get_workflow()
    if workflow is not None and user is not None:
        workflow.start(case, user)
    entry.case = case
    entry.save(update_fields=["case"])
    return case


def case_document(file, user):
    """A copy of the entry's private file as a Wagtail document in the default collection."""
    with file.file.open("rb") as source:
        content = ContentFile(source.read(), name=file.name)
    return get_document_model().objects.create(title=file.name, file=content, uploaded_by_user=user)


@require_POST
def entry_to_case_view(request, entry_id):
    """The admin's action on an entry: make (or open) its draft case, for organisers and case editors."""
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=ORGANISERS_GROUP).exists()):
        raise PermissionDenied
    entry = get_object_or_404(Entry, pk=entry_id)
    try:
        case = entry_to_case(entry, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("wagtailadmin_home")
    message = _("The entry “%(entry)s” is the library case “%(case)s”.")
    messages.success(request, message % {"entry": entry, "case": case})
    return redirect("wagtailadmin_pages:edit", case.pk)


def admin_urls():
    """Registered with ``register_admin_urls`` in wagtail_hooks.py."""
    return [path("contest/entries/<int:entry_id>/to-case/", entry_to_case_view, name="contest_entry_to_case")]
