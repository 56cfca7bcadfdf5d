"""Who counts as an organiser or an expert, who sees an entry, and the permission matrix over every
admin URL of the jury: anonymous, participant, expert assigned and not assigned, organiser."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

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


ORGANISER_PAGES = [
    ("contest_entries:index", None),
    ("contest_entry", "entry"),
    ("contest_unassign", "assignment"),
    ("contest_assign_csv", None),
    ("contest_assign_automatic", None),
    ("contest_leaderboard", None),
    ("contest_statistics", None),
    ("contest_experts:index", None),
    ("contest_experts:add", None),
    ("contest_experts:edit", "profile"),
    ("contest_experts:delete", "profile"),
    ("contest_panels:index", None),
    ("contest_panels:add", None),
    ("contest_panels:edit", "panel"),
    ("contest_panels:delete", "panel"),
]
EXPERT_PAGES = [("contest_my_assignments", None), ("contest_assignment", "assignment")]
# An empty screening form is invalid (shown again, 200); an empty decision is "no decision" (saved).
ORGANISER_POSTS = [
    ("contest_entry_action", ("entry", "screen"), 200),
    ("contest_entry_action", ("entry", "decide"), "done"),
]


@pytest.fixture
def matrix(jury):
    owner = jury.participant("owner")
    entry = jury.entry(owner)
    assigned = jury.expert("assigned", organisation="Інша")
    assignment = jury.assign(entry, assigned)
    objects = {
        "entry": entry.pk,
        "assignment": assignment.pk,
        "profile": assigned.expert_profile.pk,
        "panel": jury.panel.pk,
    }
    users = {
        "participant": owner.user,
        "assigned": assigned,
        "unassigned": jury.expert("unassigned", organisation="Третя"),
        "organiser": jury.organiser(),
    }
    return objects, users


def url(name, arguments, objects):
    if arguments is None:
        return reverse(name)
    if isinstance(arguments, str):
        return reverse(name, args=[objects[arguments]])
    return reverse(name, args=[objects[arguments[0]], *arguments[1:]])


def outcome(response):
    """200, 404, "login" (sent to log in: no admin access), "denied" (Wagtail's permission denied sends
    to the dashboard) or "done" (a form's redirect after saving)."""
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return "login"
        return "denied" if location == reverse("wagtailadmin_home") else "done"
    return response.status_code


EXPECTED = {
    # who: (organiser pages, expert pages: list and the assigned one)
    None: ("login", ["login", "login"]),
    "participant": ("login", ["login", "login"]),
    "assigned": ("denied", [200, 200]),
    "unassigned": ("denied", [200, 404]),
    "organiser": (200, ["denied", "denied"]),
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_permission_matrix(client, matrix, who):
    objects, users = matrix
    if who:
        client.force_login(users[who])
    organiser_expected, expert_expected = EXPECTED[who]
    got = {name: outcome(client.get(url(name, arguments, objects))) for name, arguments in ORGANISER_PAGES}
    assert got == {name: organiser_expected for name, _arguments in ORGANISER_PAGES}
    got = [outcome(client.get(url(name, arguments, objects))) for name, arguments in EXPERT_PAGES]
    assert got == expert_expected
    for name, arguments, organiser_outcome in ORGANISER_POSTS:
        response = client.post(url(name, arguments, objects), {})
        assert outcome(response) == (organiser_outcome if who == "organiser" else organiser_expected)
