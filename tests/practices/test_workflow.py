import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from tests.factories import CaseLibraryPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


def test_cases_go_through_the_moderators_approval_workflow(site_tree):
    case = CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk))

    workflow = case.get_workflow()

    assert isinstance(workflow, Workflow) and workflow.active
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert list(task.groups.all()) == [Group.objects.get(name="Moderators")]


def test_editing_a_case_keeps_its_revisions(site_tree):
    case = CasePageFactory(parent=CaseLibraryPageFactory(parent=site_tree.home_uk))
    case.title = "Нова назва"
    case.save_revision()

    assert case.revisions.count() == 2
    case.refresh_from_db()
    assert case.has_unpublished_changes
