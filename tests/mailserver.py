"""A real SMTP server for tests (aiosmtpd), in a thread of the test process."""

import socket
import threading

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """Keeps every message the server accepted; ``replies`` queues answers other than 250 for the next ones."""

    def __init__(self):
        self.messages = []
        self.replies = []
        self.received = threading.Event()
        self.release = threading.Event()
        self.release.set()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.replies:
            return self.replies.pop(0)
        self.messages.append(envelope)
        self.received.set()
        # A test holds the answer back to stop the sender between "the server has it" and "accepted".
        self.release.wait(timeout=120)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [envelope for envelope in self.messages if address in envelope.rcpt_tos]


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    mailbox.url = f"smtp://127.0.0.1:{controller.port}"
    mailbox.port = controller.port
    yield mailbox
    mailbox.release.set()
    controller.stop()
