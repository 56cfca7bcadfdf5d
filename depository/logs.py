"""Logging filters of the project's own.

During a Redis outage every cache operation fails and is ignored (the site serves uncached);
django-redis logs each with its whole traceback, dozens of lines per request, which buries what
operators need to see. ``ExceptionInOneLine`` keeps one line per failure, naming the error.
"""

import logging


class ExceptionInOneLine(logging.Filter):
    def filter(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()}: {type(error).__name__}: {error}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True
