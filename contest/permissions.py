"""Who may do what in the contest: one place for the predicates every view and command asks.

Organisers are superusers and members of the organisers' group; experts are members of the experts'
group. A participant sees only their own entries, an expert only the entries assigned to them, the
organisers everything. Group membership is looked up once per user object and kept on it, so a page
that asks for many entries does not query the groups again for each.
"""

from django.http import Http404

from .models import Entry
from .models.jury import EXPERTS_GROUP, ORGANISERS_GROUP, Assignment


def _group_names(user):
    if not hasattr(user, "_contest_groups"):
        user._contest_groups = set(user.groups.values_list("name", flat=True))
    return user._contest_groups


def is_organiser(user):
    """A superuser or a member of the organisers' group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or ORGANISERS_GROUP in _group_names(user)


def is_expert(user):
    """A member of the experts' group."""
    if not user.is_authenticated or not user.is_active:
        return False
    return EXPERTS_GROUP in _group_names(user)


def is_assigned(user, entry):
    """Whether ``entry`` is assigned to ``user`` as an expert."""
    return is_expert(user) and Assignment.objects.filter(entry=entry, expert=user).exists()


def can_see_entry(user, entry):
    """Organisers see every entry; a participant their own; an expert the entries assigned to them."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_organiser(user):
        return True
    if entry.participant.user_id == user.pk:
        return True
    return is_assigned(user, entry)


def can_download_file(user, entry_file):
    """An entry's file is read by those who may see the entry."""
    return can_see_entry(user, entry_file.entry)


def can_score(user, assignment):
    """Only the expert an assignment is for scores it (whether scoring is open is the phase's call)."""
    return is_expert(user) and assignment.expert_id == user.pk


def own_entry(request, key, queryset=None):
    """The entry ``key`` of the logged-in participant; 404 for everyone else, so keys reveal nothing."""
    queryset = queryset if queryset is not None else Entry.objects.all()
    entry = queryset.filter(key=key, participant__user_id=request.user.pk).first()
    if entry is None:
        raise Http404
    return entry
