"""A submission of the "add page" form that reaches the server after the autosave created the page."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def add_form(slug, **extra):
    return nested_form_data(
        {"title": "Про нас", "slug": slug, "intro": "", "body": streamfield([("paragraph", rich_text("<p>Текст</p>"))])}
        | extra
    )


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["home", "standardpage", parent.pk])


def test_publishing_the_add_form_after_its_autosave_publishes_the_autosaved_page(admin_client, site_tree):
    parent = site_tree.home_uk
    autosave = admin_client.post(add_url(parent), add_form("team"), HTTP_ACCEPT="application/json")
    assert autosave.json()["success"]

    response = admin_client.post(add_url(parent), add_form("team", **{"action-publish": "action-publish"}))

    assert response.status_code == 302
    (page,) = StandardPage.objects.child_of(parent).filter(slug="team")
    assert page.live and page.pk == autosave.json()["pk"]


def test_a_draft_of_someone_else_with_the_slug_gives_a_form_error(admin_client, site_tree):
    parent = site_tree.home_uk
    other = User.objects.create_superuser("other", password="x")  # noqa: S106 - test account
    parent.add_child(instance=StandardPage(title="Чернетка", slug="team", live=False, owner=other))

    response = admin_client.post(add_url(parent), add_form("team", **{"action-publish": "action-publish"}))

    assert response.status_code == 200
    assert "team" in response.context["form"].errors["slug"][0]
    assert Page.objects.child_of(parent).filter(slug="team").count() == 1
