from .pages import EVENT_TIME_ZONE, EventIndexPage, EventMaterial, EventPage, Kind
from .registrations import AlreadyRegistered, Registration, RegistrationClosed
from .speakers import Speaker

__all__ = [
    "EVENT_TIME_ZONE",
    "AlreadyRegistered",
    "EventIndexPage",
    "EventMaterial",
    "EventPage",
    "Kind",
    "Registration",
    "RegistrationClosed",
    "Speaker",
]
