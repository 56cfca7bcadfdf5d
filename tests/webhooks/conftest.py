import pytest

from tests.webhooks.receiver import Receiver
from webhooks.models import Event, WebhookEndpoint


@pytest.fixture
def receiver(settings):
    """A receiver on loopback; deliveries run in the test's process, so the test sees them arrive.

    The services pass delivers through a real Celery worker in test_worker.py.
    """
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True  # the receiver is on loopback
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    receiver = Receiver().start()
    yield receiver
    if receiver.server.socket.fileno() != -1:
        receiver.stop()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Partner portal", url=receiver.url, events=list(Event.values))
