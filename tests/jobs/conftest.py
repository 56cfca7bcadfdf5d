"""The jobs tests exercise background work on the events app's registrations."""

from tests.events.conftest import events_index, open_event  # noqa: F401 - fixtures shared with the events tests
