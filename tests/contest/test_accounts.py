"""Accounts: sign up by e-mail, verify the address from the link mailed, log in, reset the password.

The pages are the site's, in both languages, under /uk/accounts/ and /en/accounts/.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.contest.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/(?:uk|en)/accounts/\S+/")


def mailed_path(message):
    return urlsplit(LINK.search(message.body).group(0)).path


def sign_up(client, email="nova@example.org", language="uk", **fields):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **fields}
    return client.post(f"/{language}/accounts/signup/", data)


def test_sign_up_mails_a_link_and_logs_in_only_after_verification(client, site_tree, settings):
    response = sign_up(client)

    assert response.status_code == 302
    assert "/uk/accounts/confirm-email/" in response["Location"]
    [message] = mail.outbox
    assert message.to == ["nova@example.org"]
    link = LINK.search(message.body).group(0)
    assert link.startswith(f"{settings.SITE_URL}/uk/accounts/confirm-email/")

    refused = client.post("/uk/accounts/login/", {"login": "nova@example.org", "password": PASSWORD})
    assert refused.status_code == 302 and "confirm-email" in refused["Location"]  # not verified: no login
    assert "_auth_user_id" not in client.session

    path = urlsplit(link).path
    page = client.get(path)
    assert page.status_code == 200 and "<form" in page.content.decode()  # a scanner following the link confirms nothing
    confirmed = client.post(path)

    assert confirmed.status_code == 302
    assert get_user_model().objects.get(email="nova@example.org").emailaddress_set.get().verified
    assert client.session["_auth_user_id"]  # logged in by the verification


def test_verified_participant_logs_in_by_email_and_is_asked_for_a_profile(client, site_tree):
    sign_up(client)
    client.post(mailed_path(mail.outbox[0]))
    client.post("/uk/accounts/logout/")

    response = client.post("/uk/accounts/login/", {"login": "nova@example.org", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0].startswith("/uk/contest/profile/")


def test_account_pages_are_in_the_sites_layout_in_both_languages(client, site_tree):
    uk = client.get("/uk/accounts/signup/").content.decode()
    en = client.get("/en/accounts/signup/").content.decode()

    assert 'class="site-header"' in uk and '<html lang="uk">' in uk
    assert '<html lang="en">' in en and "Sign Up" in en
    assert '<label for="id_email"' in uk


def test_errors_are_tied_to_their_fields(client, site_tree):
    response = sign_up(client, email="not-an-address")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_email_error' in html


def test_filled_honeypot_refuses_sign_up(client, site_tree):
    response = sign_up(client, website="http://spam.example")

    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="nova@example.org").exists()
    assert not mail.outbox


def test_password_reset_mails_a_link_that_sets_a_new_password(client, site_tree, people):
    client.post("/en/accounts/password/reset/", {"email": "olena@example.org"})

    [message] = mail.outbox
    link = mailed_path(message)
    form = client.get(link, follow=True)
    new = "another-long-password-42"
    client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})

    people.participant.refresh_from_db()
    assert people.participant.check_password(new)


def test_failed_logins_from_one_client_lock_it_out_by_axes(client, site_tree, people, settings):
    """Guessing across many addresses: axes locks the client, the right password of another account included."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/uk/accounts/login/", {"login": f"guess{attempt}@example.org", "password": "wrong"})

    response = client.post("/uk/accounts/login/", {"login": "olena@example.org", "password": PASSWORD})

    assert response.status_code == 429 and response["Retry-After"]
    assert "_auth_user_id" not in client.session


def test_failed_logins_for_one_address_are_limited_by_allauth(client, site_tree, people, settings):
    """Guessing one account's password from many clients: allauth's per-address limit refuses it."""
    settings.AXES_FAILURE_LIMIT = 100  # only allauth's limit in play
    for _attempt in range(5):
        client.post("/uk/accounts/login/", {"login": "olena@example.org", "password": "wrong"})

    response = client.post("/en/accounts/login/", {"login": "olena@example.org", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()
