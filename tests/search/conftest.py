import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale, Page

from tests.services import wait_for_idle_worker, wait_until


def search_titles(query, language_code):
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code=language_code))
    return {page.title for page in pages.search(query)}


@pytest.fixture
def empty_search_index(request, django_db_serialized_rollback, transactional_db):
    """An empty search index, kept up to date as pages are saved.

    On the embedded defaults pages are indexed as they are saved. In the real-services pass a Celery
    worker indexes them into OpenSearch; the index is rebuilt empty before the test saves anything.
    """
    if settings.REDIS_URL:
        request.getfixturevalue("celery_worker")
    cache.clear()  # synonyms and the vocabulary cached by earlier tests, whose data was rolled back
    call_command("update_index", verbosity=0)
    yield
    if settings.REDIS_URL:
        wait_for_idle_worker()


@pytest.fixture
def searchable_site_tree(empty_search_index, site_tree):
    """The site tree once the search index holds it, as a visitor would wait for it."""
    wait_until(lambda: "About the project" in search_titles("project", "en"), message="the pages in the index")
    wait_until(lambda: "Лише українською" in search_titles("українською", "uk"), message="the pages in the index")
    return site_tree
