"""The contest page: regulations, timeline, nominations and their weighted criteria, frequent questions.

Nominations and criteria belong to the contest's page in the default language (its *source*);
translations carry their names in other languages under the same ``translation_key``. Entries, the
jury and scores refer to the source's rows, so a translation never splits a contest in two.
"""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import Field
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage
from home.site_url import page_url
from practices.models.cases import Award, CasePage, TranslatableRow, rows_panel

from .. import phases, statistics
from ..api import ContestResultsField

CONTEST_TIME_ZONE = ZoneInfo("Europe/Kyiv")  # the contest's dates are set and shown in Kyiv time
KEY_HELP = _("Lowercase Latin letters, digits and hyphens; the same in every language.")


class Nomination(TranslatableRow):
    """A category of the contest in which entries compete; tied to the classifier's categories."""

    page = ParentalKey("contest.ContestPage", on_delete=models.CASCADE, related_name="nominations")
    key = models.SlugField(_("key"), max_length=80, help_text=KEY_HELP)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    categories = ParentalManyToManyField(
        "practices.Category", verbose_name=_("classifier categories"), blank=True, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("key")]),
        FieldPanel("description"),
        FieldPanel("categories"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("key"),
        SynchronizedField("categories"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="contest_nomination_key_unique")]

    def __str__(self):
        return self.name

    def criteria(self):
        """The criteria this nomination's entries are scored on: the contest-wide ones and its own."""
        return [criterion for criterion in self.page.criteria.all() if criterion.nomination_key in ("", self.key)]


class Criterion(TranslatableRow):
    """A scored criterion on a scale; the weights of a nomination's criteria add up to 100."""

    page = ParentalKey("contest.ContestPage", on_delete=models.CASCADE, related_name="criteria")
    key = models.SlugField(_("key"), max_length=80, help_text=KEY_HELP)
    nomination_key = models.SlugField(
        _("nomination"),
        max_length=80,
        blank=True,
        help_text=_("The key of the nomination this criterion belongs to; empty for every nomination."),
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    min_score = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=10)
    weight = models.PositiveSmallIntegerField(_("weight, %"), validators=[MinValueValidator(1)])

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("key"), FieldPanel("nomination_key")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("min_score"), FieldPanel("max_score"), FieldPanel("weight")]),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("key"),
        SynchronizedField("nomination_key"),
        SynchronizedField("min_score"),
        SynchronizedField("max_score"),
        SynchronizedField("weight"),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="contest_criterion_key_unique")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.min_score >= self.max_score:
            raise ValidationError({"max_score": _("The highest score must be above the lowest.")})


class ContestDocument(Orderable):
    """A downloadable document of the regulations: the rules, the criteria, the registration form."""

    page = ParentalKey("contest.ContestPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class ContestQuestion(TranslatableRow):
    """A frequent question of participants, answered by the organisers on the contest page."""

    page = ParentalKey("contest.ContestPage", on_delete=models.CASCADE, related_name="frequent_questions")
    question = models.CharField(_("question"), max_length=500)
    answer = models.TextField(_("answer"))

    panels = [FieldPanel("question"), FieldPanel("answer")]
    translatable_fields = [TranslatableField("question"), TranslatableField("answer")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("frequent question")
        verbose_name_plural = _("frequent questions")


class PhaseField(Field):
    """The current phase's code (``contest.phases.PHASES``), null before the announcement."""

    def to_representation(self, phase) -> str | None:
        return phase


class ContestPageForm(WagtailAdminPageForm):
    """Refuses dates out of order and nominations whose criteria weights do not add up to 100."""

    def clean(self):
        cleaned_data = super().clean()
        try:
            phases.check_order({field: cleaned_data.get(field) for field in phases.DATE_FIELDS})
        except ValidationError as error:
            for field, errors in error.error_dict.items():
                self.add_error(field, errors)
        self.check_weights()
        return cleaned_data

    def kept_rows(self, relation):
        formset = self.formsets[relation]
        return [
            form.cleaned_data
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not formset._should_delete_form(form)
        ]

    def check_weights(self):
        nominations = self.kept_rows("nominations")
        criteria = self.kept_rows("criteria")
        keys = {nomination["key"] for nomination in nominations}
        for criterion in criteria:
            if criterion["nomination_key"] and criterion["nomination_key"] not in keys:
                message = _("Criterion “%(criterion)s” names the nomination “%(key)s”, which this contest lacks.")
                self.add_error(None, message % {"criterion": criterion["name"], "key": criterion["nomination_key"]})
        for nomination in nominations:
            own = [criterion for criterion in criteria if criterion["nomination_key"] in ("", nomination["key"])]
            total = sum(criterion["weight"] or 0 for criterion in own)
            if total != 100:
                message = _("The weights of the criteria of “%(nomination)s” add up to %(total)s, not 100.")
                self.add_error(None, message % {"nomination": nomination["name"], "total": total})


class ContestPage(RoutablePageMixin, BasePage):
    """One contest: what it is, who may take part, its dated phases, nominations and criteria.

    What the page shows follows the phase; its results, at ``results/`` and in the API, appear only
    once released (``results_public``).
    """

    visitor_type = _("contest")
    base_form_class = ContestPageForm

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("regulations"))
    eligibility = models.TextField(_("who may take part"), blank=True)
    motivators = models.TextField(_("what participants gain"), blank=True)
    prizes = models.TextField(_("prizes"), blank=True)
    contacts = models.TextField(_("contacts of the organisers"), blank=True)
    announcement_at = models.DateTimeField(phases.DATE_LABELS["announcement_at"])
    submissions_open_at = models.DateTimeField(phases.DATE_LABELS["submissions_open_at"])
    submissions_close_at = models.DateTimeField(phases.DATE_LABELS["submissions_close_at"])
    evaluation_close_at = models.DateTimeField(phases.DATE_LABELS["evaluation_close_at"])
    results_at = models.DateTimeField(phases.DATE_LABELS["results_at"])
    experts_per_entry = models.PositiveSmallIntegerField(
        _("experts per entry"), default=3, validators=[MinValueValidator(1)]
    )
    results_released_at = models.DateTimeField(_("results released"), null=True, blank=True, editable=False)

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        FieldPanel("eligibility"),
        FieldPanel("motivators"),
        FieldPanel("prizes"),
        FieldPanel("contacts"),
        rows_panel(ContestDocument, "documents"),
    ]
    timeline_panels = [
        MultiFieldPanel([FieldPanel(field) for field in phases.DATE_FIELDS], heading=_("Timeline (Kyiv time)")),
        FieldPanel("experts_per_entry"),
    ]
    nomination_panels = [rows_panel(Nomination, "nominations", min_num=1), rows_panel(Criterion, "criteria", min_num=1)]
    question_panels = [rows_panel(ContestQuestion, "frequent_questions")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contest")),
            ObjectList(timeline_panels, heading=_("Timeline")),
            ObjectList(nomination_panels, heading=_("Nominations and criteria")),
            ObjectList(question_panels, heading=_("Frequent questions")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("eligibility"),
        index.SearchField("prizes"),
    ]
    api_fields = (
        BasePage.api_fields
        + [APIField(name) for name in ("body", "eligibility", "motivators", "prizes", "contacts", *phases.DATE_FIELDS)]
        + [APIField("phase", serializer=PhaseField())]
        + [APIField("results", serializer=ContestResultsField(source="public_results"))]
    )
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("eligibility"),
        TranslatableField("motivators"),
        TranslatableField("prizes"),
        TranslatableField("contacts"),
        TranslatableField("nominations"),
        TranslatableField("criteria"),
        TranslatableField("frequent_questions"),
        SynchronizedField("documents"),
        SynchronizedField("experts_per_entry"),
        *(SynchronizedField(field) for field in phases.DATE_FIELDS),
    ]

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")

    @cached_property
    def source(self):
        """This contest in the default language: the page entries, the jury and scores belong to."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def dates(self):
        return {field: getattr(self, field) for field in phases.DATE_FIELDS}

    def phase_at(self, moment):
        return phases.phase(self.dates(), moment)

    @property
    def phase(self):
        """The current phase's code, worked out from the dates."""
        return self.phase_at(timezone.now())

    @property
    def results_public(self):
        """Results show on the site and in the API only once released, and never before the results date.

        The release is recorded on the source page alone, so that every translation follows it.
        """
        return self.source.results_released_at is not None and self.phase == "results"

    def with_content_json(self, content):
        """A revision never undoes a release: the moment belongs to the page, not to what an editor saved."""
        page = super().with_content_json(content)
        page.results_released_at = self.results_released_at
        return page

    def timeline(self, now):
        """The dated phases in order, each with its date and whether it is the phase ``now`` falls in."""
        current = self.phase_at(now)
        return [
            {"label": phases.DATE_LABELS[field], "at": getattr(self, field), "current": code == current}
            for field, (code, _label) in phases.PHASES.items()
        ]

    def public_results(self):
        """Per nomination, in this page's language, its winners and finalists; None until the results are public.

        Each entry says only what the public may know: title, community, region, award and the library
        case it became (in this language where translated and live), never the participant or scores.
        """
        if not self.results_public:
            return None
        language = self.locale.language_code
        entries = list(
            self.source.entries.filter(status="submitted", award__in=Award.values, nomination__isnull=False)
            .select_related("nomination", "participant__region", "case")
            .order_by("title", "pk")
        )
        cases = self.live_cases([entry.case for entry in entries if entry.case])
        nominations = []
        for nomination in self.nominations.all():
            awarded = [entry for entry in entries if entry.nomination.key == nomination.key]
            rows = {award: [] for award in Award.values}
            for entry in awarded:
                region = entry.participant.region
                case = cases.get(entry.case.translation_key) if entry.case else None
                rows[entry.award].append(
                    {
                        "title": entry.title,
                        "community": entry.community or entry.participant.organisation,
                        "region": region.code,
                        "region_name": region.name_en if language == "en" else region.name_uk,
                        "award": entry.award,
                        "case": case,
                        "case_url": page_url(case) if case else None,
                    }
                )
            nominations.append(
                {
                    "key": nomination.key,
                    "name": nomination.name,
                    "winners": rows[Award.WINNER],
                    "finalists": rows[Award.FINALIST],
                }
            )
        return nominations

    def live_cases(self, cases):
        """By translation key, each case's live version in this page's language, else the case itself where live."""
        keys = {case.translation_key for case in cases}
        found = {case.translation_key: case for case in cases if case.live}
        translated = CasePage.objects.live().public().filter(translation_key__in=keys, locale_id=self.locale_id)
        found.update({case.translation_key: case for case in translated})
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        phase = self.phase_at(now)
        context.update(
            phase=phase,
            timeline=self.timeline(now),
            time_zone=CONTEST_TIME_ZONE,
            statistics=statistics.entry_statistics(
                self.source.entries.all(), self.nominations.all(), self.locale.language_code
            ),
            results=self.public_results(),
            frequent_questions=self.frequent_questions.all(),
            documents=self.documents.select_related("document"),
            results_url=(self.get_url(request) or "") + self.reverse_subpage("results"),
        )
        return context

    @path("results/", name="results")
    def results_view(self, request):
        """The winners and finalists; not found until the results are released."""
        context = self.get_context(request)
        if context["results"] is None:
            raise Http404
        return TemplateResponse(request, "contest/contest_results.html", context)
