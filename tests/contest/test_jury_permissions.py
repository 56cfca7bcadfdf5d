"""Who counts as an organiser or an expert, and who sees an entry."""

from django.contrib.auth.models import Group

from contest.models.jury import EXPERTS_GROUP, ORGANISERS_GROUP
from contest.permissions import can_see_entry, is_expert, is_organiser


def test_groups_exist_with_admin_access(db):
    for name in (ORGANISERS_GROUP, EXPERTS_GROUP):
        assert Group.objects.get(name=name).permissions.filter(codename="access_admin").exists()
    organisers = Group.objects.get(name=ORGANISERS_GROUP)
    assert organisers.permissions.filter(codename="change_entry").exists()
    assert not Group.objects.get(name=EXPERTS_GROUP).permissions.filter(codename="change_entry").exists()


def test_predicates(jury):
    organiser = jury.organiser()
    superuser = jury.user("root", is_superuser=True)
    assigned = jury.expert("assigned")
    other_expert = jury.expert("other")
    owner = jury.participant("owner")
    stranger = jury.participant("stranger")
    entry = jury.entry(owner)
    jury.assign(entry, assigned)
    assert is_organiser(organiser) and is_organiser(superuser) and not is_organiser(assigned)
    assert is_expert(assigned) and not is_expert(organiser)
    assert [can_see_entry(user, entry) for user in (organiser, superuser, assigned, owner.user)] == [True] * 4
    assert [can_see_entry(user, entry) for user in (other_expert, stranger.user)] == [False, False]
