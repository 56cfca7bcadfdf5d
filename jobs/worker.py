"""Every Celery worker also relays the outbox, so ``make worker`` is all a deployment has to run.

The relay loop runs in a thread of the worker's main process. It keeps trying while the broker is
away (the worker itself is then reconnecting) and drains the backlog in order once it answers.
Several workers relaying at once is safe: one holds the relay lock at a time.
"""

import threading

from celery import bootsteps


class OutboxRelay(bootsteps.StartStopStep):
    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.stop_event = threading.Event()
        self.thread = None

    def start(self, worker):
        from .outbox import relay_forever  # the models load after Celery's app

        self.thread = threading.Thread(
            target=relay_forever, kwargs={"stop": self.stop_event}, name="outbox-relay", daemon=True
        )
        self.thread.start()

    def stop(self, worker):
        self.stop_event.set()
        if self.thread:
            self.thread.join(timeout=10)
