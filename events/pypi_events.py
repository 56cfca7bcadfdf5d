"""The ``Events`` class of the PyPI package "Events", which shares this app's import name.

opensearch-py, the search engine's client, runs ``from events import Events``. With this project's
``events`` app on the path that import finds the app, not the package, so the app re-exports the
package's class, loaded from the package's own file under a private module name.
"""

import importlib.metadata
import importlib.util

_location = importlib.metadata.distribution("Events").locate_file("events/events.py")
_spec = importlib.util.spec_from_file_location("pypi_events_package", _location)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

Events = _module.Events
