"""Indexing goes through the Celery worker into the search engine (real-services pass only)."""

import pytest
from django.conf import settings
from wagtail.models import Page

from tests.factories import StandardPageFactory
from tests.search.conftest import search_titles
from tests.services import wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_published_page_is_found_through_search_once_the_worker_indexed_it(
    real_services, empty_search_index, site_tree
):
    assert settings.TASKS["default"]["BACKEND"] == "jobs.backend.CeleryBackend"

    StandardPageFactory(parent=site_tree.home_uk, title="Електронна черга до ЦНАП", slug="e-queue")

    wait_until(lambda: "Електронна черга до ЦНАП" in search_titles("черга", "uk"), message="the page in search")
    assert Page.objects.live().search("черга").count() >= 1
