"""Editors preview a draft in another frontend; the frontend reads it from the API with a signed, expiring token."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

pytestmark = pytest.mark.django_db

FRONTEND = "https://frontend.example.org/preview"


@pytest.fixture
def frontend(settings):
    settings.HEADLESS_PREVIEW_URL = settings.WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]["default"] = FRONTEND
    settings.HEADLESS_PREVIEW_MAX_AGE = 3600


def preview_in_frontend(admin_client, page, title):
    """What the editor does: edit the title, open the preview in the other frontend; its address."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    form = nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "intro": "",
            "body": streamfield([("paragraph", rich_text("<p>Чернетка</p>"))]),
        }
    )
    assert admin_client.post(url, form).json()["is_valid"]
    response = admin_client.get(url, {"mode": "frontend"})
    assert response.status_code == 200
    (address,) = re.findall(r'<iframe[^>]* src="([^"]+)"', response.content.decode())
    return address.replace("&amp;", "&")


def preview_api(client, address):
    query = parse_qs(urlsplit(address).query)
    return client.get("/api/v2/page_preview/", {name: values[0] for name, values in query.items()})


def test_the_frontend_gets_the_draft_the_editor_previews(admin_client, client, site_tree, frontend):
    address = preview_in_frontend(admin_client, site_tree.about_uk, "Про проєкт: чернетка")

    assert address.startswith(f"{FRONTEND}?content_type=home.standardpage&token=")
    response = preview_api(client, address)
    assert response.status_code == 200
    assert response.json()["title"] == "Про проєкт: чернетка"
    assert response.json()["meta"]["type"] == "home.StandardPage"
    assert "no-store" in response["Cache-Control"]
    published = client.get(f"/api/v2/pages/{site_tree.about_uk.pk}/").json()
    assert published["title"] == "Про проєкт", "the live API shows the published page, never the draft"


def test_a_token_expires(admin_client, client, site_tree, frontend):
    address = preview_in_frontend(admin_client, site_tree.about_uk, "Чернетка")

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = preview_api(client, address)

    assert response.status_code == 400
    assert response.json() == {"error": "Попередній перегляд застарів: перегляньте сторінку знову.", "field": "token"}


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"content_type": "home.standardpage", "token": "id=5:forged:signature"}, 400, "token"),
        ({"content_type": "home.standardpage"}, 400, "token"),
        ({"content_type": "auth.user", "token": "x"}, 400, "content_type"),
        ({"content_type": "nonsense", "token": "x"}, 400, "content_type"),
    ],
)
def test_bad_tokens_and_types_are_refused_naming_the_parameter(client, site_tree, params, status, field):
    response = client.get("/api/v2/page_preview/", params)

    assert response.status_code == status
    assert response.json()["field"] == field


def test_a_token_is_good_only_for_its_page_type(admin_client, client, site_tree, frontend):
    address = preview_in_frontend(admin_client, site_tree.about_uk, "Чернетка")

    response = preview_api(client, address.replace("home.standardpage", "home.homepage"))

    assert response.status_code == 404
    assert response.json()["field"] is None


def test_without_a_frontend_the_preview_offers_the_site_only(admin_client, site_tree, settings):
    settings.HEADLESS_PREVIEW_URL = ""

    assert [mode for mode, _label in site_tree.about_uk.preview_modes] == [""]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[site_tree.about_uk.pk])
    assert "<iframe" not in admin_client.get(url, {"mode": "frontend"}).content.decode()
