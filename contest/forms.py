"""The participant's forms: the profile, the steps of an entry, its files and consultation questions."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from depository.honeypot import HoneypotFormMixin
from practices.models import Category, Region

from . import submission
from .models import Entry, EntryFile, Participant
from .uploads import check_upload

MAX_ROWS = 50
ROW_LENGTH = 255


class ParticipantForm(HoneypotFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for the contest."),
        template_name="home/forms/checkbox_field.html",
        error_messages={"required": _("Taking part needs your consent to the processing of your personal data.")},
    )

    class Meta:
        model = Participant
        fields = ["organisation", "level", "region", "edrpou", "contact_name", "position", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.alphabetical()
        self.fields["edrpou"].widget.attrs.update(inputmode="numeric", pattern="[0-9]{8}")
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        if self.instance.pk:
            self.fields["consent"].initial = True

    def save_with_consent(self, user, notice_version):
        """Save the profile of ``user``, recording which privacy notice they agreed to and when."""
        participant = self.save(commit=False)
        participant.user = user
        participant.consent_version = notice_version
        participant.consent_at = timezone.now()
        participant.save()
        return participant


class RowsField(forms.CharField):
    """A list of pairs typed one per line as "first | second" (indicators, links), kept as JSON."""

    widget = forms.Textarea(attrs={"rows": 5})

    def __init__(self, *, keys, url_second=False, **kwargs):
        self.keys = keys
        self.url_second = url_second
        super().__init__(required=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{row.get(self.keys[0], '')} | {row.get(self.keys[1], '')}" for row in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        rows = []
        lines = [line.strip() for line in (value or "").splitlines()]
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            first, separator, second = (part.strip() for part in line.partition("|"))
            if not separator or not first or not second:
                raise ValidationError(_("Line %(line)s: write two parts separated by “|”."), params={"line": number})
            if len(first) > ROW_LENGTH or len(second) > (500 if self.url_second else ROW_LENGTH):
                raise ValidationError(_("Line %(line)s is too long."), params={"line": number})
            if self.url_second:
                try:
                    URLValidator(schemes=["http", "https"])(second)
                except ValidationError as error:
                    message = _("Line %(line)s: “%(url)s” is not a web address.")
                    raise ValidationError(message, params={"line": number, "url": second}) from error
            rows.append(dict(zip(self.keys, (first, second), strict=True)))
        if len(rows) > MAX_ROWS:
            raise ValidationError(_("At most %(count)s lines."), params={"count": MAX_ROWS})
        return rows


class LocalizedCategoryField(forms.ModelMultipleChoiceField):
    """The classifier's categories of the contest's language, named in the visitor's language."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *args, names=None, **kwargs):
        self.names = names or {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        name = self.names.get(obj.translation_key, obj.name)
        return f"— {name}" if obj.parent_id else name


class StepForm(forms.ModelForm):
    """One step of an entry; contest/submission.py says which fields each step has."""

    indicators = RowsField(
        keys=("label", "value"),
        label=_("Measurable results"),
        help_text=_("One per line: what was measured | the value, e.g. “Waiting time | from 3 hours to 20 minutes”."),
    )
    links = RowsField(
        keys=("title", "url"),
        url_second=True,
        label=_("Links"),
        help_text=_("One per line: title | address, e.g. “The service | https://example.gov.ua/”."),
    )

    video_url = forms.URLField(
        label=_("Video address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A YouTube or Vimeo address, or a direct link to the video file."),
    )

    class Meta:
        model = Entry
        fields = [field for current in submission.STEPS for field in current.fields]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, contest, step, language, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in step.fields:
                del self.fields[name]
        for name in step.required:
            self.fields[name].label_suffix = ""
            self.fields[name].widget.attrs["aria-required"] = "true"
        if "nomination" in self.fields:
            self.fields["nomination"].queryset = contest.nominations.all()
            self.fields["nomination"].label_from_instance = localized_names(contest.nominations.all(), language)
            self.fields["nomination"].empty_label = _("Choose a nomination")
        if "categories" in self.fields:
            categories = Category.objects.filter(locale_id=contest.locale_id).as_tree()
            names = dict(Category.objects.filter(locale__language_code=language).values_list("translation_key", "name"))
            self.fields["categories"] = LocalizedCategoryField(
                categories, names=names, required=False, label=_("Categories of the classifier")
            )
            self.fields["categories"].help_text = _("Choose at least one.")


def localized_names(rows, language):
    """A label function naming each row (a nomination) as its translation in ``language`` has it."""
    model = rows.model
    names = dict(
        model.objects.filter(
            translation_key__in=[row.translation_key for row in rows], locale__language_code=language
        ).values_list("translation_key", "name")
    )
    return lambda row: names.get(row.translation_key, row.name)


class FileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of file"), choices=EntryFile.Kind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("Documents: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP. Photos: JPEG, PNG, WebP."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("file") and cleaned_data.get("kind"):
            try:
                cleaned_data["content_type"] = check_upload(cleaned_data["file"], cleaned_data["kind"])
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned_data


class QuestionForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
