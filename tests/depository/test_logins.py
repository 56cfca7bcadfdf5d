"""Login throttling: the admin's login, the site's login and Wagtail's page passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # noqa: S105 - test account


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor():
    return User.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def admin_login(client, password, username="editor", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_fifty_wrong_admin_passwords_then_the_right_one_is_refused(client, editor):
    answers = [admin_login(client, f"guess {n}").status_code for n in range(50)]

    response = admin_login(client, PASSWORD)

    assert answers[:4] == [200] * 4  # the login form again, with its error
    assert set(answers[4:]) == {429}  # from the fifth failure on
    assert response.status_code == 429
    assert not is_signed_in(client)
    assert response["Retry-After"] == str(15 * 60)


def test_the_lockout_page_is_in_the_visitors_language(client, editor):
    for n in range(5):
        admin_login(client, f"guess {n}")

    ukrainian = admin_login(client, PASSWORD, headers={"Accept-Language": "uk"}).content.decode()
    english = admin_login(client, PASSWORD, headers={"Accept-Language": "en"}).content.decode()

    assert "Забагато невдалих спроб увести пароль з вашого з’єднання. Спробуйте знову через 15 хвилин." in ukrainian
    assert "Too many failed password attempts from your connection. Try again in 15 minutes." in english


def test_the_lockout_holds_the_client_not_the_account(client, editor):
    for n in range(5):
        admin_login(client, f"guess {n}", REMOTE_ADDR="203.0.113.7")

    assert admin_login(client, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    response = admin_login(client, PASSWORD, REMOTE_ADDR="198.51.100.20")

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_right_password_works_again_after_the_cool_off(client, editor):
    for n in range(5):
        admin_login(client, f"guess {n}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    response = admin_login(client, PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_failure_limit_follows_the_setting(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2

    assert admin_login(client, "guess 1").status_code == 200
    assert admin_login(client, "guess 2").status_code == 429


def test_the_sites_own_login_is_throttled_too(client, editor):
    for n in range(5):
        client.post("/uk/_util/login/", {"username": "editor", "password": f"guess {n}"})

    response = client.post("/uk/_util/login/", {"username": "editor", "password": PASSWORD})

    assert response.status_code == 429
    assert not is_signed_in(client)


@pytest.fixture
def protected(site_tree):
    restriction = PageViewRestriction.objects.create(
        page=site_tree.about_uk, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return site_tree.about_uk, restriction


def page_password(client, page, restriction, password, **extra):
    return client.post(
        f"/uk/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        **extra,
    )


def test_page_password_guessing_is_stopped_and_the_right_password_refused(client, protected):
    page, restriction = protected

    answers = [page_password(client, page, restriction, f"guess {n}").status_code for n in range(50)]
    response = page_password(client, page, restriction, PASSWORD)

    assert answers[:4] == [200] * 4
    assert set(answers[4:]) == {429}
    assert response.status_code == 429
    assert restriction.pk not in client.session.get("passed_page_view_restrictions", [])


def test_page_password_guesses_are_counted_per_page_across_clients(client, protected):
    page, restriction = protected
    for n in range(5):
        page_password(client, page, restriction, f"guess {n}", REMOTE_ADDR=f"203.0.113.{n + 1}")

    response = page_password(client, page, restriction, PASSWORD, REMOTE_ADDR="198.51.100.20")

    assert response.status_code == 429


def test_the_right_page_password_opens_the_page(client, protected):
    page, restriction = protected

    response = page_password(client, page, restriction, PASSWORD)

    assert response.status_code == 302
    assert restriction.pk in client.session["passed_page_view_restrictions"]
