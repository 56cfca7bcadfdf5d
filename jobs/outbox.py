"""The transactional outbox: background work is written in the same transaction as the data it is about.

Handing a task straight to the broker from a request has two failure modes: the broker is down and
the visitor gets a 500 (or the work is silently lost), or the transaction rolls back after the task
was sent. Instead, ``enqueue`` writes an ``OutboxMessage`` row in the caller's transaction: the work
exists exactly when the data does. A relay then hands the rows to Celery, oldest first, and marks
them relayed; a relay that dies between the two hands a row over again, so delivery is at least
once and tasks make their effect happen once (``jobs.idempotency``, ``jobs.mail``).

The relay runs right after the transaction commits (so work starts at once when the broker answers)
and in a loop beside every worker (``jobs.worker``) or ``manage.py relay_outbox``, which drains what
piled up while the broker was away. One relay at a time holds the relay lock, which keeps the order.
"""

import logging
import time
from datetime import timedelta

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

BATCH_SIZE = 100
KEEP_RELAYED = timedelta(days=7)
# After a failed hand-over, requests leave the relaying to the loops for a while: a visitor's request
# must not wait on a broker that is known to be away.
BACKOFF_SECONDS = 5.0
RELAY_LOCK_ID = 0x6F7574626F78  # "outbox"

_broker_failed_at = None


def enqueue(module_path, args, kwargs):
    """Write the task's message in the current transaction; relay it once that transaction commits."""
    message = OutboxMessage.objects.create(task_path=module_path, args=list(args), kwargs=dict(kwargs))
    transaction.on_commit(relay_after_commit)
    return message


def relay_after_commit():
    if _broker_failed_at is not None and time.monotonic() - _broker_failed_at < BACKOFF_SECONDS:
        return
    try:
        relay()
    except DatabaseError:
        logger.exception("outbox: could not read the pending messages; the relay loop will retry")


def acquire_relay_lock():
    """Hold the relay lock until the transaction ends; False when another relay holds it."""
    if connection.vendor != "postgresql":
        return True  # SQLite lets one writer at a time: the first UPDATE serialises relays
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [RELAY_LOCK_ID])
        return cursor.fetchone()[0]


def relay(batch_size=BATCH_SIZE):
    """Hand pending messages to the broker, oldest first, until none is left or the broker fails.

    Returns the number relayed. A broker failure is logged, not raised: the messages stay pending.
    """
    global _broker_failed_at
    from depository.celery import app

    from .tasks import run_django_task

    relayed = 0
    while True:
        with transaction.atomic():
            if not acquire_relay_lock():
                return relayed
            batch = list(OutboxMessage.objects.pending().order_by("id")[:batch_size])
            if not batch:
                return relayed
            sent = []
            try:
                with app.connection_for_write() as broker:
                    for message in batch:
                        run_django_task.apply_async(
                            args=(message.task_path, message.args, message.kwargs),
                            task_id=str(message.task_id),
                            connection=broker,
                            retry=False,
                        )
                        sent.append(message.pk)
            except Exception as error:  # noqa: BLE001 - any broker failure leaves the rest pending
                _broker_failed_at = time.monotonic()
                logger.warning(
                    "outbox: broker unavailable (%s: %s); %d message(s) wait for the relay",
                    type(error).__name__,
                    error,
                    OutboxMessage.objects.pending().count() - len(sent),
                )
                return relayed + mark_relayed(sent)
            _broker_failed_at = None
            relayed += mark_relayed(sent)


def mark_relayed(pks):
    return OutboxMessage.objects.filter(pk__in=pks).update(relayed_at=timezone.now()) if pks else 0


def prune(now=None):
    """Forget messages relayed long ago; the rest of the table stays small."""
    cutoff = (now or timezone.now()) - KEEP_RELAYED
    return OutboxMessage.objects.filter(relayed_at__lt=cutoff).delete()[0]


def relay_forever(interval=1.0, stop=None):
    """Relay in a loop until ``stop`` (a threading.Event) is set; survives database and broker outages."""
    from django.db import close_old_connections

    last_prune = 0.0
    while not (stop and stop.is_set()):
        try:
            close_old_connections()
            relay()
            if time.monotonic() - last_prune > 3600:
                prune()
                last_prune = time.monotonic()
        except DatabaseError as error:
            logger.warning("outbox: database unavailable (%s); retrying", error)
            close_old_connections()
        if stop:
            stop.wait(interval)
        else:
            time.sleep(interval)
