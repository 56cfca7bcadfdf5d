"""The organisers' and experts' screens of the contest in the Wagtail admin.

Organisers (``permissions.is_organiser``) screen entries, decide on them, assign them to experts,
see the leaderboard and the statistics. Experts (``permissions.is_expert``) see only their own
assignments: another expert's assignment is a 404, not a 403, so its existence is not confirmed.
Every change an organiser or expert makes is written to Wagtail's log entries of the entry.
"""

import io
from collections import Counter

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Locale, ModelLogEntry

from depository.csv_export import csv_cell, csv_lines
from practices.models.cases import Award, Level

from . import assignment as assigning
from . import scoring
from .models import Assignment, Conflict, ContestPage, Entry, Score
from .models.jury import EXPERTS_GROUP
from .permissions import is_expert, is_organiser
from .ranking import METHODS

METHOD_LABELS = {"mean": _("weighted mean"), "median": _("median"), "zscore": _("z-score per expert")}


def contests():
    """The contests in the default language (the pages entries belong to), the latest first."""
    return ContestPage.objects.filter(locale=Locale.get_default()).order_by("-submissions_open_at", "-pk")


class ContestChoiceForm(forms.Form):
    contest = forms.ModelChoiceField(label=_("Contest"), queryset=ContestPage.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contest"].queryset = contests()


class OrganiserMixin(WagtailAdminTemplateMixin):
    """Only organisers; the others get Wagtail's "permission denied"."""

    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not is_organiser(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen_contest(self):
        """The contest picked with ``?contest=``, or the latest one; None when there is none."""
        form = ContestChoiceForm(self.request.GET or None)
        if form.is_bound and form.is_valid() and form.cleaned_data["contest"]:
            return form.cleaned_data["contest"]
        return contests().first()


class ExpertMixin(WagtailAdminTemplateMixin):
    header_icon = "glasses"

    def dispatch(self, request, *args, **kwargs):
        if not is_expert(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# Organisers: an entry, its screening, decision and assignments.


class ScreeningForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = ["screening", "screening_reason"]
        widgets = {"screening_reason": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("screening") == Entry.Screening.INELIGIBLE and not cleaned_data.get("screening_reason"):
            self.add_error("screening_reason", _("Say why the entry is not eligible: the participant reads it."))
        return cleaned_data


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = ["award"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award"].choices = [("", _("no decision")), *Award.choices]

    def clean_award(self):
        award = self.cleaned_data["award"]
        if award and self.instance.screening != Entry.Screening.ELIGIBLE:
            raise ValidationError(_("Only an eligible entry can be a winner or a finalist."))
        return award


class AssignForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("Expert"), queryset=get_user_model().objects.none())

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.fields["expert"].queryset = (
            get_user_model()
            .objects.filter(groups__name=EXPERTS_GROUP, is_active=True)
            .exclude(contest_assignments__entry=entry)
            .order_by("username")
        )
        self.fields["expert"].label_from_instance = lambda user: user.get_full_name() or user.get_username()

    def clean_expert(self):
        expert = self.cleaned_data["expert"]
        reason = assigning.refusal(expert, self.entry)
        if reason:
            raise ValidationError(reason)
        return expert


class EntryView(OrganiserMixin, TemplateView):
    """Everything about one entry, with the organisers' forms; each form posts to its own action."""

    template_name = "contest/admin/entry.html"
    header_icon = "doc-full"
    page_title = _("Entry")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.entry = get_object_or_404(
            Entry.objects.select_related("contest", "participant__region", "participant__user", "nomination"),
            pk=kwargs["pk"],
        )

    def get_page_subtitle(self):
        return str(self.entry)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("contest_entries:index"), "label": gettext("Entries")},
            {"url": "", "label": str(self.entry)},
        ]

    def forms(self):
        return {
            "screen": ScreeningForm(instance=self.entry, prefix="screen"),
            "decide": DecisionForm(instance=self.entry, prefix="decide"),
            "assign": AssignForm(entry=self.entry, prefix="assign"),
        }

    def get_context_data(self, **kwargs):
        entry = self.entry
        forms_by_action = {**self.forms(), **kwargs.pop("bound", {})}
        assignments = entry.assignments.select_related("expert").prefetch_related("scores__criterion")
        return super().get_context_data(
            entry=entry,
            participant=entry.participant,
            files=entry.files.all(),
            assignments=assignments,
            conflicts=entry.conflicts.select_related("expert"),
            questions=entry.questions.select_related("author"),
            history=ModelLogEntry.objects.for_instance(entry).select_related("user").order_by("-timestamp")[:50],
            forms=forms_by_action,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = kwargs["action"]
        entry = self.entry
        if action == "screen":
            form = ScreeningForm(request.POST, instance=entry, prefix="screen")
            if form.is_valid():
                form.save()
                log(entry, "contest.screen", user=request.user, data=form.cleaned_data)
                messages.success(request, gettext("Screening saved."))
                return redirect("contest_entry", entry.pk)
        elif action == "decide":
            form = DecisionForm(request.POST, instance=entry, prefix="decide")
            if form.is_valid():
                form.save()
                log(entry, "contest.decide", user=request.user, data={"award": entry.award})
                messages.success(request, gettext("Decision saved."))
                return redirect("contest_entry", entry.pk)
        elif action == "assign":
            form = AssignForm(request.POST, entry=entry, prefix="assign")
            if form.is_valid():
                try:
                    assigning.assign(form.cleaned_data["expert"], entry, request.user)
                except ValueError as error:  # a conflict declared since the form was checked
                    messages.error(request, str(error))
                else:
                    messages.success(request, gettext("Entry assigned."))
                return redirect("contest_entry", entry.pk)
        else:
            raise Http404
        messages.error(request, gettext("The form has errors: see below."))
        return self.render_to_response(self.get_context_data(bound={action: form}))


class UnassignView(OrganiserMixin, TemplateView):
    """Withdraw an assignment (with its scores) after confirmation."""

    template_name = "contest/admin/confirm.html"
    page_title = _("Withdraw the assignment")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.assignment = get_object_or_404(Assignment.objects.select_related("entry", "expert"), pk=kwargs["pk"])

    def get_context_data(self, **kwargs):
        message = gettext("Withdraw %(entry)s from %(expert)s? Their scores of it, if any, are deleted too.") % {
            "entry": self.assignment.entry,
            "expert": self.assignment.expert.get_username(),
        }
        return super().get_context_data(
            message=message, cancel_url=reverse("contest_entry", args=[self.assignment.entry_id]), **kwargs
        )

    def post(self, request, *args, **kwargs):
        entry, expert = self.assignment.entry, self.assignment.expert.get_username()
        self.assignment.delete()
        log(entry, "contest.unassign", user=request.user, data={"expert": expert})
        messages.success(request, gettext("Assignment withdrawn."))
        return redirect("contest_entry", entry.pk)


class CSVUploadForm(ContestChoiceForm):
    file = forms.FileField(label=_("CSV file"), help_text=_("Columns: expert (username), entry (key)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contest"].required = True

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text.")) from None


class AssignCSVView(OrganiserMixin, TemplateView):
    template_name = "contest/admin/assign_csv.html"
    page_title = _("Assign from a CSV file")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CSVUploadForm(initial={"contest": self.chosen_contest()}))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = CSVUploadForm(request.POST, request.FILES)
        errors = []
        if form.is_valid():
            created, errors = assigning.import_assignments_csv(
                form.cleaned_data["contest"], form.cleaned_data["file"], request.user
            )
            if not errors:
                messages.success(request, gettext("Assignments made: %(count)s.") % {"count": created})
                return redirect("contest_assign_csv")
            messages.error(request, gettext("Nothing was assigned: the file has errors."))
        return self.render_to_response(self.get_context_data(form=form, errors=errors))


class AssignAutomaticView(OrganiserMixin, TemplateView):
    template_name = "contest/admin/assign_automatic.html"
    page_title = _("Assign automatically")
    header_icon = "cogs"

    def get_context_data(self, **kwargs):
        contest = kwargs.pop("contest", None) or self.chosen_contest()
        return super().get_context_data(
            contest=contest,
            choice=ContestChoiceForm(initial={"contest": contest}),
            assignable=assigning.assignable_entries(contest).count() if contest else 0,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ContestChoiceForm(request.POST)
        if not form.is_valid() or not form.cleaned_data["contest"]:
            raise Http404
        contest = form.cleaned_data["contest"]
        report = assigning.assign_automatically(contest, request.user)
        messages.success(request, gettext("Assignments made: %(count)s.") % {"count": report.created})
        loads = sorted(report.loads.values())
        return self.render_to_response(
            self.get_context_data(contest=contest, report=report, lowest=loads[:1], highest=loads[-1:])
        )


# Organisers: the leaderboard and the statistics.


class LeaderboardView(OrganiserMixin, TemplateView):
    template_name = "contest/admin/leaderboard.html"
    page_title = _("Leaderboard")
    header_icon = "list-ol"

    def method(self):
        method = self.request.GET.get("method", "mean")
        return method if method in METHODS else "mean"

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def rows(self):
        contest = self.chosen_contest()
        return scoring.leaderboard(contest, self.method()) if contest else []

    def table(self):
        header = [
            gettext("Nomination"),
            gettext("Rank"),
            gettext("Entry"),
            gettext("Title"),
            gettext("Participant"),
            gettext("Score"),
            gettext("Experts"),
            gettext("Lowest total"),
            gettext("Highest total"),
            gettext("Standard deviation"),
        ]
        rows = [
            [
                row.nomination.name,
                row.rank,
                row.entry.key,
                row.entry.title,
                str(row.entry.participant),
                round(row.score, 4),
                row.experts,
                round(row.lowest, 2),
                round(row.highest, 2),
                round(row.deviation, 2),
            ]
            for row in self.rows()
        ]
        return header, rows

    def export(self, kind):
        contest = self.chosen_contest()
        filename = f"leaderboard-{contest.slug if contest else 'none'}-{self.method()}.{kind}"
        header, rows = self.table()
        if kind == "csv":
            response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
        else:
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet(gettext("Leaderboard")[:31])
            sheet.append(header)
            for row in rows:
                sheet.append([csv_cell(value) for value in row])
            content = io.BytesIO()
            workbook.save(content)
            response = HttpResponse(
                content.getvalue(),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_context_data(self, **kwargs):
        contest = self.chosen_contest()
        query = f"contest={contest.pk}&method={self.method()}" if contest else ""
        return super().get_context_data(
            contest=contest,
            choice=ContestChoiceForm(initial={"contest": contest}),
            methods=[(method, METHOD_LABELS[method]) for method in METHODS],
            method=self.method(),
            rows=self.rows(),
            query=query,
            **kwargs,
        )


def contest_statistics(contest):
    """Entries by nomination, region and level, and how many are complete, screened and scored."""
    entries = Entry.objects.filter(contest=contest.source).exclude(status=Entry.Status.WITHDRAWN)
    submitted = entries.filter(status=Entry.Status.SUBMITTED)
    level_labels = dict(Level.choices)

    def grouped(field, label=None):
        rows = submitted.values(field).annotate(count=Count("pk")).order_by("-count", field)
        return [(label(row[field]) if label else (row[field] or "—"), row["count"]) for row in rows]

    scored = (
        submitted.annotate(
            done=Count("assignments", filter=Q(assignments__submitted_at__isnull=False)),
        )
        .filter(done__gte=contest.source.experts_per_entry)
        .count()
    )
    screening = Counter(submitted.values_list("screening", flat=True))
    return {
        "drafts": entries.filter(status=Entry.Status.DRAFT).count(),
        "complete": submitted.count(),
        "screened": screening[Entry.Screening.ELIGIBLE] + screening[Entry.Screening.INELIGIBLE],
        "eligible": screening[Entry.Screening.ELIGIBLE],
        "assigned": submitted.filter(assignments__isnull=False).distinct().count(),
        "scored": scored,
        "scores": Score.objects.filter(assignment__entry__in=submitted).count(),
        "by_nomination": grouped("nomination__name"),
        "by_region": grouped(
            "participant__region__name_en" if get_language() == "en" else "participant__region__name_uk"
        ),
        "by_level": grouped("participant__level", lambda value: level_labels.get(value, value)),
    }


class StatisticsView(OrganiserMixin, TemplateView):
    template_name = "contest/admin/statistics.html"
    page_title = _("Contest statistics")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        contest = self.chosen_contest()
        return super().get_context_data(
            contest=contest,
            choice=ContestChoiceForm(initial={"contest": contest}),
            statistics=contest_statistics(contest) if contest else None,
            **kwargs,
        )


# Experts: their assignments, conflicts and scores.


class MyAssignmentsView(ExpertMixin, TemplateView):
    template_name = "contest/admin/my_assignments.html"
    page_title = _("My assignments")

    def get_context_data(self, **kwargs):
        assignments = (
            Assignment.objects.filter(expert=self.request.user)
            .select_related("entry__contest", "entry__nomination")
            .annotate(scored=Count("scores"))
            .order_by("submitted_at", "entry__key")
        )
        return super().get_context_data(assignments=assignments, **kwargs)


class ScoreForm(forms.Form):
    """A score and a comment per criterion of the entry's nomination; read-only when scoring is closed."""

    def __init__(self, *args, assignment, editable, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = assignment.entry.nomination.criteria() if assignment.entry.nomination else []
        existing = {score.criterion_id: score for score in assignment.scores.all()}
        for criterion in self.criteria:
            score = existing.get(criterion.pk)
            self.fields[f"score_{criterion.key}"] = forms.IntegerField(
                label=criterion.name,
                min_value=criterion.min_score,
                max_value=criterion.max_score,
                required=False,
                disabled=not editable,
                initial=score.value if score else None,
                help_text=_("%(min)s to %(max)s; weight %(weight)s%%")
                % {"min": criterion.min_score, "max": criterion.max_score, "weight": criterion.weight},
            )
            self.fields[f"comment_{criterion.key}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                required=False,
                disabled=not editable,
                initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self):
        return [
            (criterion, self[f"score_{criterion.key}"], self[f"comment_{criterion.key}"]) for criterion in self.criteria
        ]

    def values(self):
        """``{criterion: (score, comment)}`` for the criteria given a score or a comment."""
        result = {}
        for criterion in self.criteria:
            value = self.cleaned_data.get(f"score_{criterion.key}")
            comment = self.cleaned_data.get(f"comment_{criterion.key}", "")
            if value is not None:
                result[criterion] = (value, comment)
            elif comment.strip():
                self.add_error(f"score_{criterion.key}", _("Give a score with this comment."))
        return result


class ConflictForm(forms.ModelForm):
    class Meta:
        model = Conflict
        fields = ["kind", "reason"]
        widgets = {"kind": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 2})}


class AssignmentView(ExpertMixin, TemplateView):
    """The entry (read-only), the scoring form, the conflict declaration, and colleagues' scores once
    one's own are submitted. Only the assigned expert reaches it: anyone else gets a 404."""

    template_name = "contest/admin/assignment.html"
    page_title = _("Assignment")

    def dispatch(self, request, *args, **kwargs):
        if is_expert(request.user):
            self.assignment = get_object_or_404(
                Assignment.objects.select_related("entry__contest", "entry__nomination", "entry__participant"),
                pk=kwargs["pk"],
                expert=request.user,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.assignment.entry)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("contest_my_assignments"), "label": gettext("My assignments")},
            {"url": "", "label": str(self.assignment.entry)},
        ]

    def get_context_data(self, **kwargs):
        assignment = self.assignment
        editable = scoring.can_change_scores(assignment)
        kwargs.setdefault("form", ScoreForm(assignment=assignment, editable=editable))
        kwargs.setdefault("conflict_form", ConflictForm())
        return super().get_context_data(
            assignment=assignment,
            entry=assignment.entry,
            files=assignment.entry.files.all(),
            editable=editable,
            scoring_open=scoring.scoring_open(assignment.entry.contest),
            others=scoring.other_scores(assignment),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "declare" in request.POST:
            return self.declare(request)
        assignment = self.assignment
        form = ScoreForm(request.POST, assignment=assignment, editable=True)
        if form.is_valid():
            values = form.values()
            if form.is_valid():
                try:
                    scoring.save_scores(assignment, values, request.user, submit="submit" in request.POST)
                except scoring.ScoringClosed as error:
                    messages.error(request, str(error))
                    return redirect("contest_assignment", assignment.pk)
                except ValidationError as error:
                    for key, problems in error.message_dict.items():
                        for problem in problems:
                            form.add_error(f"score_{key}", problem)
                else:
                    if "submit" in request.POST:
                        messages.success(request, gettext("Scores submitted. Thank you."))
                    else:
                        messages.success(request, gettext("Draft scores saved."))
                    return redirect("contest_assignment", assignment.pk)
        messages.error(request, gettext("The scores have errors: see below."))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def declare(self, request):
        """A conflict or abstention ends the assignment (drafts go with it) and bars it from now on."""
        assignment = self.assignment
        form = ConflictForm(request.POST)
        if assignment.submitted_at is not None:
            messages.error(request, gettext("These scores were submitted: ask the organisers to withdraw them."))
            return redirect("contest_assignment", assignment.pk)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(conflict_form=form), status=400)
        with transaction.atomic():
            conflict = form.save(commit=False)
            conflict.entry, conflict.expert = assignment.entry, request.user
            conflict.save()
            assignment.delete()
            log(conflict.entry, "contest.conflict", user=request.user, data={"kind": conflict.kind})
        messages.success(request, gettext("Your declaration is recorded; the entry is no longer assigned to you."))
        return redirect("contest_my_assignments")
