"""Factories for events: pages go into the tree under ``parent`` and are live."""

from datetime import timedelta

import factory
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration, Speaker
from tests.factories import PageFactory


class EventIndexPageFactory(PageFactory):
    title = "Події"
    slug = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    """An event a month from now, two hours long, with registration closed unless asked."""

    title = factory.Sequence(lambda n: f"Подія {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "conference"
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=30))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))

    class Meta:
        model = EventPage


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Доповідач {n}")
    organisation = "Асоціація міст України"

    class Meta:
        model = Speaker


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Учасник {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    organisation = "Вінницька міська рада"
    status = Registration.Status.CONFIRMED
    language = "uk"
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
