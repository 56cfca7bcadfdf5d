"""The administrator account ``make run`` creates can switch the admin to Ukrainian."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.management.commands import ensure_admin

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def credentials_file(monkeypatch, tmp_path):
    monkeypatch.setattr(ensure_admin, "CREDENTIALS_FILE", tmp_path / "admin-credentials.txt")


def submitted_form(html):
    """What a browser submits for the page's form: every field with its current value."""
    form = BeautifulSoup(html, "html.parser").find(attrs={"name": "locale-preferred_language"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file") or field.has_attr("disabled"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.get_text()
        else:
            data[name] = field.get("value", "")
    return data


def test_the_new_administrator_can_switch_the_admin_to_ukrainian(client):
    call_command("ensure_admin", username="admin")
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()

    page = client.get(reverse("wagtailadmin_account"))
    data = submitted_form(page.content.decode())
    data["locale-preferred_language"] = "uk"
    response = client.post(reverse("wagtailadmin_account"), data)

    assert response.status_code == 302
    assert UserProfile.get_for_user(admin).preferred_language == "uk"


def test_the_administrators_name_and_address_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_FIRST_NAME", "Оксана")
    monkeypatch.setenv("ADMIN_LAST_NAME", "Мельник")
    monkeypatch.setenv("ADMIN_EMAIL", "oksana@example.org")

    call_command("ensure_admin", username="oksana")

    admin = get_user_model().objects.get(username="oksana")
    assert (admin.first_name, admin.last_name, admin.email) == ("Оксана", "Мельник", "oksana@example.org")
    assert admin.is_superuser


def test_an_existing_account_without_a_name_gets_one_and_keeps_what_it_has():
    get_user_model().objects.create_superuser(username="admin", email="", password="x", last_name="Коваленко")

    call_command("ensure_admin", username="admin")

    admin = get_user_model().objects.get(username="admin")
    assert admin.first_name and admin.email == "admin@localhost" and admin.last_name == "Коваленко"
