"""The public registration form of an event page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from depository.honeypot import HoneypotFormMixin


class RegistrationForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), help_text=_("We send the confirmation and a cancellation link here."))
    organisation = forms.CharField(label=_("Organisation"), max_length=255)
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=2000, widget=forms.Textarea)
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for this event."),
        template_name="home/forms/checkbox_field.html",
        error_messages={"required": _("Registration needs your consent to the processing of your personal data.")},
    )

    def cleaned_registrant(self):
        """The registrant's details, without the consent (its time is recorded instead)."""
        return {name: self.cleaned_data[name].strip() for name in ("name", "email", "organisation", "comment")}
