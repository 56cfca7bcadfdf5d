"""Participants' accounts through django-allauth: the site's honeypot on sign-up, links on SITE_URL.

allauth builds the links of its e-mails from the request's host; the site's e-mails all link to the
public base URL instead (home/site_url.py), which a request behind a proxy cannot tell.
"""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.urls import reverse

from depository.honeypot import HoneypotFormMixin
from home.site_url import absolute_url


class SignupForm(HoneypotFormMixin, forms.Form):
    """The fields allauth's sign-up form adds to its own: only the honeypot."""

    def signup(self, request, user):
        """Nothing to keep: the participant's profile is asked for after the address is verified."""


class AccountAdapter(DefaultAccountAdapter):
    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        # allauth's key is "uidb36-key" already; its own URL pattern wants the two parts apart.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))
