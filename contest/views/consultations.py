"""The consultation thread of an entry: its participant asks, the organisers answer, on one page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from .. import consultations
from ..forms import QuestionForm
from ..models import Entry
from ..permissions import is_organiser
from .common import private


@require_http_methods(["GET", "POST"])
def entry_questions(request, key):
    """The thread, to the entry's participant and the organisers (who answer here); 404 to anyone else."""
    if not request.user.is_authenticated:
        raise Http404
    entry = get_object_or_404(Entry.objects.select_related("contest", "participant"), key=key)
    organiser = is_organiser(request.user)
    if entry.participant.user_id != request.user.pk and not organiser:
        raise Http404
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        from_organisers = organiser and entry.participant.user_id != request.user.pk
        consultations.post(entry, request.user, form.cleaned_data["body"], from_organisers=from_organisers)
        return redirect("contest:entry_questions", key)
    context = {
        "entry": entry,
        "contest": entry.contest.localized,
        "messages_in_thread": entry.questions.select_related("author"),
        "form": form,
        "organiser": organiser,
    }
    return private(render(request, "contest/entry_questions.html", context, status=400 if form.errors else 200))
