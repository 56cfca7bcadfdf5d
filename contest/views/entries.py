"""An entry, step by step: every step's POST is saved, valid or not; submit, withdraw, files.

Only while the contest's phase is "open" may an entry be created or changed: after the deadline the
steps show what was sent with a message, and any change answers 403 with the same message.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods, require_POST

from .. import submission
from ..forms import FileForm, StepForm
from ..models import ContestPage, Entry, EntryFile
from ..permissions import own_entry
from .common import closed_message, participant_required, refused


def is_open(contest):
    return contest.phase == "open"


@participant_required
@require_http_methods(["GET", "POST"])
def start_entry(request, participant, page_id):
    """GET explains and offers the button; POST creates a draft and opens its first step."""
    contest = get_object_or_404(ContestPage.objects.live(), pk=page_id).source
    if not is_open(contest):
        return refused(request, closed_message(contest))
    if request.method == "POST":
        entry = Entry.objects.create(contest=contest, participant=participant, language=get_language())
        return redirect("contest:entry_step", entry.key, 1)
    drafts = Entry.objects.filter(contest=contest, participant=participant)
    return render(request, "contest/entry_start.html", {"contest": contest.localized, "entries": drafts})


def load_entry(request, key):
    queryset = Entry.objects.select_related("contest", "participant", "nomination").prefetch_related("categories")
    return own_entry(request, key, queryset)


def step_form(entry, current, data=None):
    return StepForm(data, instance=entry, contest=entry.contest, step=current, language=get_language())


def save_step(entry, current, data):
    """Save what validates of ``current``; keep the whole input of a step that does not, and return its form."""
    form = step_form(entry, current, data)
    valid = form.is_valid()
    key = str(current.number)
    with transaction.atomic():
        if valid:
            entry.unsaved.pop(key, None)
        else:
            entry.unsaved[key] = {name: data.getlist(name) for name in current.fields}
        good = [name for name in current.fields if name not in form.errors]
        for name in good:
            if name != "categories":
                setattr(entry, name, form.cleaned_data[name])
        entry.step = max(entry.step, current.number)
        entry.save(update_fields=[name for name in good if name != "categories"] + ["unsaved", "step", "updated_at"])
        if "categories" in good:
            entry.categories.set(form.cleaned_data["categories"])
    return form


def unsaved_data(entry, current):
    """The input of ``current`` that did not validate last time, as a QueryDict-like mapping, or None."""
    values = entry.unsaved.get(str(current.number))
    return MultiValueDict(values) if values is not None else None


@participant_required
@require_http_methods(["GET", "POST"])
def entry_step(request, participant, key, number):
    entry = load_entry(request, key)
    current = submission.step(number)
    if current is None:
        return redirect("contest:entry_step", key, 1)
    editable = is_open(entry.contest)  # a withdrawn entry may be changed and submitted again before the deadline
    if request.method == "POST":
        if not is_open(entry.contest):
            return refused(request, closed_message(entry.contest))
        form = save_step(entry, current, request.POST)
        if form.is_valid():
            go = request.POST.get("go", "next")
            target = number - 1 if go == "back" else (number if go == "stay" else number + 1)
            return redirect("contest:entry_step", key, max(1, min(target, len(submission.STEPS))))
    elif current.fields:
        form = step_form(entry, current, unsaved_data(entry, current))
        if form.is_bound:
            form.is_valid()  # shows the errors of the input kept from last time
    else:
        form = None
    context = {
        "entry": entry,
        "contest": entry.contest.localized,
        "step": current,
        "steps": submission.STEPS,
        "form": form,
        "editable": editable,
        "closed_message": None if is_open(entry.contest) else closed_message(entry.contest),
        "missing": submission.missing(entry) if current.number == submission.REVIEW_STEP else None,
        "files": list(entry.files.all()) if current.number in (submission.FILES_STEP, submission.REVIEW_STEP) else (),
        "file_form": FileForm() if current.number == submission.FILES_STEP else None,
    }
    status = 400 if form is not None and form.is_bound and form.errors and request.method == "POST" else 200
    return render(request, "contest/entry_step.html", context, status=status)


def changes_refused(request, entry):
    """The 403 answer to a change after the deadline, or None while the contest is open."""
    return None if is_open(entry.contest) else refused(request, closed_message(entry.contest))


@participant_required
@require_POST
def submit_entry(request, participant, key):
    entry = load_entry(request, key)
    if answer := changes_refused(request, entry):
        return answer
    if submission.missing(entry):
        return redirect("contest:entry_step", key, submission.REVIEW_STEP)
    if entry.status != Entry.Status.SUBMITTED:
        from ..tasks import send_entry_confirmation

        with transaction.atomic():
            entry.status = Entry.Status.SUBMITTED
            entry.submitted_at = timezone.now()
            entry.save(update_fields=["status", "submitted_at", "updated_at"])
            send_entry_confirmation.enqueue(entry.pk)
    return redirect(reverse("contest:entry_step", args=[key, submission.REVIEW_STEP]) + "?submitted=1")


@participant_required
@require_POST
def withdraw_entry(request, participant, key):
    entry = load_entry(request, key)
    if answer := changes_refused(request, entry):
        return answer
    entry.status = Entry.Status.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    return redirect("contest:my_entries")


@participant_required
@require_POST
def upload_file(request, participant, key):
    entry = load_entry(request, key)
    if answer := changes_refused(request, entry):
        return answer
    form = FileForm(request.POST, request.FILES)
    if form.is_valid() and entry.files.count() >= settings.CONTEST_MAX_FILES:
        message = gettext("An entry can have at most %(count)s files.")
        form.add_error("file", message % {"count": settings.CONTEST_MAX_FILES})
    if form.is_valid():
        upload = form.cleaned_data["file"]
        EntryFile.objects.create(
            entry=entry,
            kind=form.cleaned_data["kind"],
            file=upload,
            name=upload.name[-255:],
            content_type=form.cleaned_data["content_type"],
            size=upload.size,
        )
        return redirect("contest:entry_step", key, submission.FILES_STEP)
    context = {
        "entry": entry,
        "contest": entry.contest.localized,
        "step": submission.step(submission.FILES_STEP),
        "steps": submission.STEPS,
        "form": None,
        "editable": True,
        "files": list(entry.files.all()),
        "file_form": form,
    }
    return render(request, "contest/entry_step.html", context, status=400)


@participant_required
@require_POST
def delete_file(request, participant, key, file_id):
    entry = load_entry(request, key)
    if answer := changes_refused(request, entry):
        return answer
    entry_file = get_object_or_404(EntryFile, pk=file_id, entry=entry)
    entry_file.file.delete(save=False)
    entry_file.delete()
    return redirect("contest:entry_step", key, submission.FILES_STEP)
