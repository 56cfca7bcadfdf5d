"""Names of the project's own Wagtail hooks, in one place.

Apps register functions for these with ``@wagtail.hooks.register(NAME)`` in their
``wagtail_hooks.py``; nothing outside an app lists its content by hand.

- ``LOAD_DEMO``: ``fn(stdout)`` loads the app's demo content, idempotently; ``load_demo`` calls
  each after the demo page tree exists.
- ``HOME_SECTIONS``: ``fn(request, home_page)`` returns ``(template_name, context)`` for a section of
  the home page, or None to show nothing; sections appear in registration order.
- ``API_PAGE_FILTERS``: ``fn()`` returns filter backends for the API's pages endpoint; each names
  the query parameters it handles in ``query_parameters``.
- ``FOOTER_LINKS``: ``fn(request, home_page)`` returns ``[(label, url)]``, links the site's footer shows
  for the locale of ``home_page`` (contacts, privacy notice, open data, feeds, API, partners); apps
  appear in registration order.
- ``VIDEO_CLIPS``: ``fn(page)`` returns the video clips of ``page`` (a specific page) that an app keeps
  outside StreamFields (which the video gallery finds by itself): an iterable of dicts with ``title``,
  and ``url`` (a YouTube, Vimeo or video file address) or ``document`` (an uploaded video);
  ``poster`` (an image) and ``caption`` are optional. Called when the page is published.
"""

LOAD_DEMO = "depository_load_demo"
API_PAGE_FILTERS = "depository_api_page_filters"
HOME_SECTIONS = "depository_home_sections"
VIDEO_CLIPS = "depository_video_clips"
SEARCH_FACET_LABELS = "depository_search_facet_labels"
FOOTER_LINKS = "depository_footer_links"
