import pytest
from django.urls import reverse

from tests.factories import CaseLibraryPageFactory, CasePageFactory, category

pytestmark = pytest.mark.django_db


def test_deleting_a_category_in_use_is_refused_with_a_reason(admin_client, site_tree):
    CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk), categories=["e-services/e-queue"])
    in_use = category("e-services/e-queue")

    response = admin_client.post(reverse("wagtailsnippets_practices_category:delete", args=[in_use.pk]), follow=True)

    assert "не можна видалити" in response.content.decode()
    assert type(in_use).objects.filter(pk=in_use.pk).exists()


def test_an_unused_category_can_be_deleted(admin_client, site_tree):
    unused = category("sectors/e-health")

    admin_client.post(reverse("wagtailsnippets_practices_category:delete", args=[unused.pk]))

    assert not type(unused).objects.filter(pk=unused.pk).exists()


def test_case_editor_shows_the_tabs(admin_client, site_tree):
    case = CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk))

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[case.pk])).content.decode()

    for tab in ("Кейс", "Опис", "Медіа та документи", "Поширення", "Контакт і конкурс"):
        assert tab in html
