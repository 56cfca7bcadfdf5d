"""Admin wiring of the contest: the organisers' and experts' screens under one "Contest" menu, and
the log actions that record every jury decision in Wagtail's history.

The menu shows organisers the entries, experts, panels, assignment tools, leaderboard and
statistics, and experts their own assignments; each item and view checks ``contest.permissions``,
not model permissions, so being an organiser or an expert is being in the group.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from depository.hooks import HOME_SECTIONS, LOAD_DEMO
from practices.models import Region
from practices.models.cases import Level

from . import admin_views, conversion
from .demo import load_demo_contest
from .models import ContestPage, Entry, ExpertProfile, JuryPanel, Nomination
from .models.jury import EXPERTS_GROUP, ORGANISERS_GROUP
from .permissions import is_expert, is_organiser
from .phases import DATE_FIELDS, DATE_LABELS, PHASES
from .results import RELEASE_ACTION

LOG_ACTIONS = {
    "contest.screen": (_("Screen entry"), _("Entry screened")),
    "contest.decide": (_("Decide on entry"), _("Decision on the entry changed")),
    "contest.assign": (_("Assign entry"), _("Entry assigned to an expert")),
    "contest.unassign": (_("Withdraw assignment"), _("Assignment withdrawn")),
    "contest.assign_automatic": (_("Assign automatically"), _("Entries assigned automatically")),
    "contest.conflict": (_("Declare a conflict"), _("Conflict of interest declared")),
    "contest.score": (_("Save scores"), _("Draft scores saved")),
    "contest.submit_scores": (_("Submit scores"), _("Scores submitted")),
    "contest.import_scores": (_("Import scores"), _("Scores imported from a scoresheet")),
}


@hooks.register("register_log_actions")
def register_contest_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class OrganiserPermissionPolicy(BasePermissionPolicy):
    """Organisers may take ``actions`` on the model; nobody else may take any."""

    def __init__(self, model, actions=("add", "change", "delete", "view")):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_organiser(user)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=ORGANISERS_GROUP), is_active=True)
            .distinct()
        )


# Registered before anything asks for the models' policies (see wagtail.permissions).
register_permission_policy(Entry, OrganiserPermissionPolicy(Entry, actions=("view",)))
register_permission_policy(ExpertProfile, OrganiserPermissionPolicy(ExpertProfile))
register_permission_policy(JuryPanel, OrganiserPermissionPolicy(JuryPanel))


def source_nominations(request=None):
    return Nomination.objects.filter(locale=Locale.get_default()).select_related("page").order_by("page", "sort_order")


class EntryFilterSet(WagtailFilterSet):
    contest = ModelChoiceFilter(label=_("Contest"), queryset=lambda request: admin_views.contests())
    nomination = ModelChoiceFilter(label=_("Nomination"), queryset=source_nominations)
    region = ModelChoiceFilter(
        label=_("Region"), field_name="participant__region", queryset=lambda request: Region.objects.alphabetical()
    )
    level = ChoiceFilter(label=_("Community level"), field_name="participant__level", choices=Level.choices)

    class Meta:
        model = Entry
        fields = ["contest", "nomination", "status", "screening", "region", "level", "award"]


class EntryIndexView(IndexView):
    """Each entry's title opens the organisers' page of the entry, with its screening and assignments."""

    default_ordering = "-submitted_at"

    def get_inspect_url(self, instance):
        return reverse("contest_entry", args=[instance.pk])

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("participant__region", "nomination")


class EntryViewSet(ModelViewSet):
    model = Entry
    name = "contest_entries"
    url_prefix = "contest/entries"
    icon = "doc-full"
    menu_label = _("Entries")
    index_view_class = EntryIndexView
    list_display = ["title", "key", "participant", "nomination", "status", "screening", "award", "submitted_at"]
    filterset_class = EntryFilterSet
    search_fields = ["title", "key", "participant__organisation"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = ["screening"]  # required by the viewset; the policy allows only the list


class ExpertProfileForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = get_user_model().objects.filter(groups__name=EXPERTS_GROUP).order_by("username")
        self.fields["user"].help_text = _("An account in the “%(group)s” group.") % {"group": EXPERTS_GROUP}


class ExpertProfileViewSet(ModelViewSet):
    model = ExpertProfile
    name = "contest_experts"
    url_prefix = "contest/experts"
    icon = "user"
    menu_label = _("Experts")
    list_display = ["user", "organisation", "region"]
    list_filter = ["region"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("region")]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=ExpertProfileForm).bind_to_model(self.model)


class JuryPanelForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].queryset = source_nominations()
        self.fields["nomination"].label_from_instance = lambda nomination: f"{nomination.page.title}: {nomination}"
        self.fields["experts"].queryset = (
            get_user_model().objects.filter(groups__name=EXPERTS_GROUP).order_by("username")
        )


class JuryPanelViewSet(ModelViewSet):
    model = JuryPanel
    name = "contest_panels"
    url_prefix = "contest/panels"
    icon = "group"
    menu_label = _("Jury panels")
    list_display = ["nomination"]
    copy_view_enabled = False
    panels = [FieldPanel("nomination"), FieldPanel("experts", widget=forms.CheckboxSelectMultiple)]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=JuryPanelForm).bind_to_model(self.model)


@hooks.register("register_admin_viewset")
def register_contest_viewsets():
    return [EntryViewSet(), ExpertProfileViewSet(), JuryPanelViewSet()]


@hooks.register("register_admin_urls")
def contest_admin_urls():
    return [
        path("contest/entry/<int:pk>/", admin_views.EntryView.as_view(), name="contest_entry"),
        path(
            "contest/entry/<int:pk>/<slug:action>/",
            admin_views.EntryView.as_view(http_method_names=["post"]),
            name="contest_entry_action",
        ),
        path("contest/assignments/<int:pk>/withdraw/", admin_views.UnassignView.as_view(), name="contest_unassign"),
        path("contest/assign/csv/", admin_views.AssignCSVView.as_view(), name="contest_assign_csv"),
        path("contest/assign/automatic/", admin_views.AssignAutomaticView.as_view(), name="contest_assign_automatic"),
        path("contest/leaderboard/", admin_views.LeaderboardView.as_view(), name="contest_leaderboard"),
        path("contest/statistics/", admin_views.StatisticsView.as_view(), name="contest_statistics"),
        path("contest/my/", admin_views.MyAssignmentsView.as_view(), name="contest_my_assignments"),
        path("contest/my/<int:pk>/", admin_views.AssignmentView.as_view(), name="contest_assignment"),
    ]


class ContestMenuItem(MenuItem):
    """A menu item shown to those ``allowed`` says may use it."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


ORGANISER_ITEMS = [
    (_("Entries"), "contest_entries:index", "doc-full"),
    (_("Experts"), "contest_experts:index", "user"),
    (_("Jury panels"), "contest_panels:index", "group"),
    (_("Assign automatically"), "contest_assign_automatic", "cogs"),
    (_("Assign from a CSV file"), "contest_assign_csv", "upload"),
    (_("Leaderboard"), "contest_leaderboard", "list-ol"),
    (_("Statistics"), "contest_statistics", "table"),
]


@hooks.register("register_admin_menu_item")
def contest_menu():
    items = [
        ContestMenuItem(label, reverse_lazy(url_name), icon_name=icon, order=order, allowed=is_organiser)
        for order, (label, url_name, icon) in enumerate(ORGANISER_ITEMS, start=1)
    ]
    items.append(
        ContestMenuItem(
            _("My assignments"),
            reverse_lazy("contest_my_assignments"),
            icon_name="glasses",
            order=20,
            allowed=is_expert,
        )
    )
    return SubmenuMenuItem(_("Contest"), Menu(items=items), icon_name="tasks", name="contest", order=220)


# --- Results: the release, entry → case (the results side of the contest) ---------------------------


@hooks.register("register_log_actions")
def register_results_log_actions(actions):
    actions.register_action(RELEASE_ACTION, _("Release the results"), _("Results released"))


hooks.register("register_admin_urls", conversion.admin_urls)
hooks.register(LOAD_DEMO, load_demo_contest)


@hooks.register(HOME_SECTIONS, order=-20)
def current_contest(request, home_page):
    """The live contest of the home page's language with its current phase and next date; None if none.

    The contest announced last whose announcement has come.
    """
    now = timezone.now()
    contest = (
        ContestPage.objects.live()
        .public()
        .filter(locale_id=home_page.locale_id, announcement_at__lte=now)
        .order_by("-announcement_at", "-pk")
        .first()
    )
    if contest is None:
        return None
    phase_names = dict(PHASES.values())
    upcoming = [(getattr(contest, field), DATE_LABELS[field]) for field in DATE_FIELDS if getattr(contest, field) > now]
    return "contest/includes/home_contest.html", {
        "contest": contest,
        "phase": phase_names[contest.phase],
        "next_date": upcoming[0] if upcoming else None,
    }
