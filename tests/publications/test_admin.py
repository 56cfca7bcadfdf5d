import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from publications.models import PublicationPage

pytestmark = pytest.mark.django_db


def test_editors_get_the_publication_form_with_authors_addressees_and_documents(admin_client, publications_index):
    url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", publications_index.pk])

    response = admin_client.get(url)

    assert response.status_code == 200
    form = response.context["form"]
    assert {"kind", "publication_date", "authors", "addressees", "summary", "body", "cover_image"} <= set(form.fields)
    assert "documents" in form.formsets


def test_visitors_cannot_open_the_publication_form(client, publications_index):
    url = reverse("wagtailadmin_pages:add", args=["publications", "publicationpage", publications_index.pk])

    assert client.get(url).status_code == 302


def test_a_publication_of_an_unknown_kind_is_refused(publications_index):
    page = PublicationPage(title="Звіт", slug="zvit", kind="memo")

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "kind" in error.value.message_dict
