from tests.search.conftest import empty_search_index, searchable_site_tree  # noqa: F401 - fixtures for the search API's addresses
