"""The contest factory the contest tests share: its dates give the phase asked for, its weights add up."""

import pytest

from contest.models import ContestPage
from tests.factories import CONTEST_PHASE_DAYS, ContestPageFactory


@pytest.mark.parametrize("phase", list(CONTEST_PHASE_DAYS))
def test_contest_is_in_the_phase_asked_for(site_tree, phase):
    assert ContestPageFactory(parent=site_tree.home_uk, phase=phase).phase == phase


def test_contest_has_nominations_with_categories_and_weights_of_100(site_tree):
    contest = ContestPage.objects.get(pk=ContestPageFactory(parent=site_tree.home_uk).pk)
    nominations = list(contest.nominations.all())
    assert [nomination.key for nomination in nominations] == ["e-services", "e-democracy"]
    assert all(nomination.categories.exists() for nomination in nominations)
    assert all(sum(criterion.weight for criterion in nomination.criteria()) == 100 for nomination in nominations)
