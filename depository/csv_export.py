"""The one CSV writer of every download the project offers (open data, registrations, later the
contest's tables), so that every one of them is safe to open in a spreadsheet.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return followed by one) as a formula, so text from visitors or editors could make it compute, fetch
or run something on the organiser's machine (CSV injection). Such text cells get a leading
apostrophe, which spreadsheets show as text; numbers are written as they are. The files start with
a byte-order mark so that Excel reads Cyrillic as UTF-8.
"""

import csv
from numbers import Number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def csv_cell(value):
    """The cell's text, neutralised when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, Number) and not isinstance(value, bool):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    """The CSV text, line by line: the header, then each row (an iterable of cells), guarded.

    A generator, so a StreamingHttpResponse can send a large download without holding it in memory.
    """
    writer = csv.writer(Echo())
    yield BOM + writer.writerow([csv_cell(value) for value in header])
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])
