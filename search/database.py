"""Wagtail's database search backend, ranked in one bounded query, for libraries of many pages.

modelsearch's SQLite backend finds the matches with FTS5 and then gives each matching page its
score with a correlated subquery that runs the whole full-text query again, so a query that
matches N pages costs N full-text searches: at 20,000 pages a broad query took half a minute.
This subclass asks FTS5 once: the index table is searched, ranked with the same ``bm25()``
expression and ordered as before (best score first, then the newest page), and only the requested
slice is read; the pages of that slice are then fetched by primary key. Counting is one query over
the same matches. Answers are the same as modelsearch's: same matches, same scores, same order.

Anything the bounded query does not cover (negated queries, ``order_by_relevance=False``, facets)
goes to modelsearch's own code.

Settings: ``"BACKEND": "search.database"`` selects, like Wagtail's ``database`` backend, the
implementation for the default database; SQLite with FTS5 gets the ranked backend, other databases
get modelsearch's.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    backend = database.SearchBackend(params)  # also finds out whether SQLite has FTS5 and its table
    if connection.vendor != "sqlite" or not database.USE_SQLITE_FTS:
        return backend
    from .sqlite_ranking import RankedSQLiteSearchBackend  # noqa: PLC0415 - its models exist only on SQLite

    return RankedSQLiteSearchBackend(params)
