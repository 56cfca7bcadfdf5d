"""Events: conferences, coordination meetings, workshops and webinars, with registration."""

# opensearch-py imports ``Events`` from the module named ``events``, which is this app (see pypi_events.py).
from .pypi_events import Events  # noqa: F401
