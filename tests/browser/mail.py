"""The e-mails the served site wrote, read back from its mail folder (Django's file e-mail backend)."""

import email
import email.policy
import re
import time

# The file backend writes each message followed by a line of 79 dashes.
SEPARATOR = re.compile(r"^-{79}$", re.MULTILINE)


def messages_to(mail_dir, address, count=1, timeout=10):
    """The messages sent to ``address`` so far, oldest first, waiting up to ``timeout`` seconds for ``count``.

    The backend names its files by the second and an object id, so two messages of one second sort by
    chance: the files' modification times give the order they were written in.
    """
    deadline = time.monotonic() + timeout
    while True:
        found = []
        files = sorted(mail_dir.glob("*.log"), key=lambda file: file.stat().st_mtime_ns) if mail_dir.exists() else []
        for file in files:
            for chunk in SEPARATOR.split(file.read_text(encoding="utf-8")):
                if chunk.strip():
                    message = email.message_from_bytes(chunk.lstrip().encode(), policy=email.policy.default)
                    if address in str(message["To"]):
                        found.append(message)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()
