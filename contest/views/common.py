"""What the participant's views share: the profile they need, the closed-form answer."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext


def private(response):
    """A participant's page: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def participant_required(view):
    """Logged in, with a participant profile (asked for once, after the address is verified)."""

    @login_required
    @wraps(view)
    def checked(request, *args, **kwargs):
        participant = getattr(request.user, "participant", None)
        if participant is None:
            return redirect(f"{_profile_url()}?next={request.get_full_path()}")
        return private(view(request, participant, *args, **kwargs))

    return checked


def _profile_url():
    from django.urls import reverse

    return reverse("contest:profile")


def refused(request, message, status=403):
    """The page that says why the server did not take the change (the deadline passed, the phase is over)."""
    return private(render(request, "contest/participant_refused.html", {"message": message}, status=status))


def closed_message(contest):
    if contest.phase in (None, "announced"):
        return gettext("Submissions to this contest are not open yet.")
    return gettext("The submission deadline has passed: entries can no longer be created or changed.")
