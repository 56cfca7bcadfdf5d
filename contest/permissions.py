"""Who may see what of the contest: participants their own entries, experts those assigned, organisers all."""

from django.http import Http404

from .models import Assignment, Entry
from .models.jury import ORGANISERS_GROUP


def is_organiser(user):
    """Superusers and members of the organisers' group."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ORGANISERS_GROUP).exists()


def own_entry(request, key, queryset=None):
    """The entry ``key`` of the logged-in participant; 404 for everyone else, so keys reveal nothing."""
    queryset = queryset if queryset is not None else Entry.objects.all()
    entry = queryset.filter(key=key, participant__user_id=request.user.pk).first()
    if entry is None:
        raise Http404
    return entry


def may_read_entry(user, entry):
    """The entry's participant, the organisers and the experts it is assigned to."""
    if not user.is_authenticated:
        return False
    if entry.participant.user_id == user.pk:
        return True
    return is_organiser(user) or Assignment.objects.filter(entry=entry, expert=user).exists()
