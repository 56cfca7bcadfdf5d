"""Names of the project's own Wagtail hooks, in one place.

Apps register functions for these with ``@wagtail.hooks.register(NAME)`` in their
``wagtail_hooks.py``; nothing outside an app lists its content by hand.

- ``LOAD_DEMO``: ``fn(stdout)`` loads the app's demo content, idempotently; ``load_demo`` calls
  each after the demo page tree exists.
- ``HOME_SECTIONS``: ``fn(request, home_page)`` returns ``(template_name, context)`` for a section of
  the home page, or None to show nothing; sections appear in registration order.
- ``API_PAGE_FILTERS``: ``fn()`` returns filter backends for the API's pages endpoint; each names
  the query parameters it handles in ``query_parameters``.
- ``SEARCH_FACET_LABELS``: ``fn(facet, values, language_code)`` returns ``{value: label}`` for the
  search facet values the app knows (``category``, ``region``), or None.
"""

LOAD_DEMO = "depository_load_demo"
API_PAGE_FILTERS = "depository_api_page_filters"
HOME_SECTIONS = "depository_home_sections"
SEARCH_FACET_LABELS = "depository_search_facet_labels"
