"""The e-mails the served site wrote, read back from its mail folder (Django's file e-mail backend)."""

import email
import email.policy
import re
import time

# The file backend writes each message followed by a line of 79 dashes.
SEPARATOR = re.compile(r"^-{79}$", re.MULTILINE)


def messages_to(mail_dir, address, timeout=10):
    """The messages sent to ``address`` so far, waiting up to ``timeout`` seconds for the first."""
    deadline = time.monotonic() + timeout
    while True:
        found = []
        for file in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
            for chunk in SEPARATOR.split(file.read_text(encoding="utf-8")):
                if chunk.strip():
                    message = email.message_from_bytes(chunk.lstrip().encode(), policy=email.policy.default)
                    if address in str(message["To"]):
                        found.append(message)
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()
