"""A throwaway environment for the search benchmarks, so that they never touch development data.

Without services the benchmark gets a temporary SQLite file. With the services
(``eval "$(services/services.sh start)"``) it gets a database ``bench_search`` created on the same
PostgreSQL server and search indexes with the prefix ``bench_``; both are removed at the end. Redis is
left out: tasks then run in-process, as they must while no worker serves the benchmark.
"""

import contextlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "bench_search"
BENCH_INDEX_PREFIX = "bench_"


def _postgres_admin_connection(url):
    import psycopg

    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    return psycopg.connect(maintenance, autocommit=True)


def _recreate_postgres_database(url):
    """Create an empty ``bench_search`` beside the configured database; return its URL."""
    with _postgres_admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    return urlunsplit(urlsplit(url)._replace(path=f"/{BENCH_DATABASE}"))


def _drop_postgres_database(url):
    with _postgres_admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')


def _drop_bench_indexes():
    """Delete the engine indexes this run made; only names with the benchmark's prefix are touched."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    for name, options in settings.WAGTAILSEARCH_BACKENDS.items():
        if options.get("INDEX_PREFIX") != BENCH_INDEX_PREFIX:
            continue
        client = get_search_backend(name).es
        for index in client.indices.get(index=f"{BENCH_INDEX_PREFIX}*"):
            if index.startswith(BENCH_INDEX_PREFIX):
                client.indices.delete(index=index)


@contextlib.contextmanager
def bench_environment():
    """Point Django at a fresh database (and index prefix), set it up and migrate it; clean up after."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    configured = os.environ.get("DATABASE_URL", "")
    postgres = configured.startswith(("postgres://", "postgresql://", "pgsql://"))
    if postgres:
        os.environ["DATABASE_URL"] = _recreate_postgres_database(configured)
        print(f"database: PostgreSQL, database {BENCH_DATABASE} (dropped at the end)")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        print("database: embedded SQLite, temporary file")
    if os.environ.get("SEARCH_URL"):
        os.environ["SEARCH_INDEX_PREFIX"] = BENCH_INDEX_PREFIX
        print(f"search engine: {os.environ['SEARCH_URL']}, indexes {BENCH_INDEX_PREFIX}* (deleted at the end)")
    else:
        print("search engine: none, Wagtail's database backend")
    if os.environ.pop("REDIS_URL", None):
        print("Redis: not used by the benchmark (tasks run in-process)")
    os.environ["VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "depository.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.disable(logging.INFO)  # Wagtail logs every page it creates and publishes
    logging.getLogger("opensearch").setLevel(logging.ERROR)  # deleting what was never indexed is a 404 warning
    from django.core.management import call_command
    from django.db import connections

    try:
        call_command("migrate", verbosity=0)
        yield workdir
    finally:
        if os.environ.get("SEARCH_URL"):
            _drop_bench_indexes()
        connections.close_all()
        if postgres:
            _drop_postgres_database(configured)
        shutil.rmtree(workdir, ignore_errors=True)


def site_tree():
    """Home pages in both languages with the demo pages of the 2013 plan, and the default site."""
    from home.demo import load_demo_pages

    load_demo_pages()


def format_table(headers, rows, text_columns=1):
    """A plain-text table: the first ``text_columns`` columns left-aligned, the figures right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for index, row in enumerate([headers, *rows]):
        cells = [
            str(cell).ljust(widths[i]) if i < text_columns else str(cell).rjust(widths[i]) for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
