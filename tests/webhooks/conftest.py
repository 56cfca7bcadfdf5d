import pytest

from tests.webhooks.receiver import Receiver
from webhooks.models import Event, WebhookEndpoint


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True  # the receiver is on loopback
    receiver = Receiver().start()
    yield receiver
    if receiver.server.socket.fileno() != -1:
        receiver.stop()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpoint.objects.create(name="Partner portal", url=receiver.url, events=list(Event.values))
