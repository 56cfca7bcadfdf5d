"""Names of the project's own Wagtail hooks, in one place.

Apps register functions for these with ``@wagtail.hooks.register(NAME)`` in their
``wagtail_hooks.py``; nothing outside an app lists its content by hand.

- ``LOAD_DEMO``: ``fn(stdout)`` loads the app's demo content, idempotently; ``load_demo`` calls
  each after the demo page tree exists.
"""

LOAD_DEMO = "depository_load_demo"
