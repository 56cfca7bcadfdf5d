import pytest

from tests.factories import CaseLibraryPageFactory


@pytest.fixture
def library(site_tree):
    """The Ukrainian case library, empty."""
    return CaseLibraryPageFactory(parent=site_tree.home_uk)
