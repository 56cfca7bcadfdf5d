"""A honeypot for public forms: a field people never see that scripts fill in.

The field is moved off screen and hidden from assistive technology (aria-hidden, out of the tab
order, no autofill), so a person never meets it. A form that comes back with it filled is refused
with a clear message rather than answered with a fake success: the likeliest person to fill it is
one whose browser or password manager autofilled it anyway, and they should know that nothing was
saved and send the form again; a script learns no more than from any refusal.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

FIELD_NAME = "website"


class HoneypotInput(forms.TextInput):
    """A text input rendered off screen, never filled with the submitted value."""

    is_hidden = True  # rendered with the hidden fields: no label row, no help text

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, None, attrs, renderer)
        return format_html(
            '<div class="form-trap" aria-hidden="true"><label for="{}">{}</label>{}</div>',
            (attrs or {}).get("id", ""),
            _("Leave this field empty"),
            field,
        )


class HoneypotFormMixin(forms.Form):
    """Adds the honeypot field to a form; a filled one makes the form invalid, saving nothing."""

    website = forms.CharField(required=False, widget=HoneypotInput, label=_("Leave this field empty"))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(FIELD_NAME):
            raise ValidationError(
                _(
                    "The form was not sent: a field meant to stay empty was filled in, perhaps by your "
                    "browser's autofill. Please check your details and send it again."
                ),
                code="honeypot",
            )
        return cleaned_data
