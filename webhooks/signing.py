"""Signatures of webhook requests, in the Standard Webhooks scheme (https://www.standardwebhooks.com).

Each request carries ``webhook-id`` (the delivery's UUID, the same on every retry), ``webhook-timestamp``
(Unix seconds, new on every attempt) and ``webhook-signature: v1,<base64 HMAC-SHA256>`` over
``"{id}.{timestamp}.{body}"``. The key is the endpoint's secret without its ``whsec_`` prefix,
base64-decoded, so receivers can use the scheme's own libraries or the few lines in the README.
"""

import base64
import hashlib
import hmac

SECRET_PREFIX = "whsec_"  # noqa: S105 - the scheme's prefix, not a secret


def secret_key(secret):
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def signature(secret, message_id, timestamp, body):
    """The ``webhook-signature`` header for ``body`` (bytes) sent as ``message_id`` at ``timestamp``."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()
