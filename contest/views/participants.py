"""The participant's profile and list of entries."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from home.templatetags.navigation import privacy_notice

from ..forms import ParticipantForm
from ..models import Entry
from .common import participant_required, private


def notice_version(privacy):
    """The version of the privacy notice shown: its page and live revision, the record of what was agreed to."""
    return f"page {privacy.pk} rev {privacy.live_revision_id}" if privacy else "none"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The community or authority behind the account; created after the address is verified, then edited."""
    participant = getattr(request.user, "participant", None)
    form = ParticipantForm(request.POST or None, instance=participant)
    privacy = privacy_notice({"request": request})
    if request.method == "POST" and form.is_valid():
        form.save_with_consent(request.user, notice_version(privacy))
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect("contest:my_entries")
    return private(render(request, "contest/participant_profile.html", {"form": form, "privacy": privacy}))


@participant_required
def my_entries(request, participant):
    entries = Entry.objects.filter(participant=participant).select_related("contest", "nomination")
    return render(request, "contest/participant_entries.html", {"participant": participant, "entries": entries})
