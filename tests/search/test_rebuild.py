"""Index rebuilds: searching goes on during them, and changes made meanwhile are not lost."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.management.commands.rebuild_search_index import catch_up
from search.service import search_site
from tests.factories import StandardPageFactory
from tests.services import wait_until


def test_rebuild_reports_progress_and_keeps_pages_findable(searchable_site_tree):
    output = StringIO()

    call_command("rebuild_search_index", stdout=output)

    assert "indexed" in output.getvalue()
    assert "Змінено під час перебудови" in output.getvalue()
    assert "About the project" in [hit.page.title for hit in search_site("project", "en").items]


@pytest.mark.services
def test_pages_changed_during_a_rebuild_reach_the_new_index(searchable_site_tree):
    started = timezone.now()
    page = StandardPageFactory(parent=searchable_site_tree.home_uk, title="Геопортал громади", slug="geoportal")
    wait_until(lambda: search_site("геопортал", "uk").count == 1, message="the page in the index")
    engine = get_search_backend()
    # As if the worker had written the page to the old index while the new one was being built.
    engine.delete(Page.objects.get(pk=page.pk).specific)
    engine.get_index_for_model(Page).refresh()
    assert search_site("геопортал", "uk").count == 0

    assert catch_up(started) == (1, 0)
    engine.get_index_for_model(Page).refresh()

    assert search_site("геопортал", "uk").count == 1
