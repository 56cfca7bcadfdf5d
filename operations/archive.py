"""Backup archives: the database and the media of an installation in one file, with a manifest.

A database without the images and documents its rows point at (or files without their rows) is not
a working site, and an operator restoring under pressure needs one file that says what it holds and
whether it is intact. So ``backup`` writes one tar.gz:

    database/db.sqlite3         SQLite: a copy made through SQLite's online backup API
    database/postgresql.dump    PostgreSQL: ``pg_dump --format=custom``
    media/…                     every file under MEDIA_ROOT
    manifest.json               what the archive holds: see ``Manifest``

The manifest comes last, because the checksums are computed while the files stream into the
archive (each file is read once). The database copy, its row counts and its migration state come
from one snapshot: SQLite's copy is counted in the copy itself; PostgreSQL's counts are taken in the
repeatable-read transaction whose snapshot ``pg_dump --snapshot`` dumps.

``restore`` unpacks into a scratch directory and checks everything (manifest, the list of members,
sizes and checksums, database vendor, migrations this code knows) before it touches the database or
the media; it refuses an installation that already holds content unless told to replace it. Then it
replaces the database in one step (SQLite's backup API into the live database; PostgreSQL's schema
dropped and the dump loaded by psql in one transaction), checks the row counts against the manifest,
applies the migrations that are newer than the archive, puts the media in place and rebuilds the
search indexes.
"""

import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from glob import glob
from pathlib import Path, PurePosixPath
from typing import Literal

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from pydantic import BaseModel, Field, ValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

FORMAT = "depository-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
VENDORS = ("sqlite", "postgresql")
# Rows the commands' summaries name; the manifest counts the rows of every table.
HIGHLIGHTS = {
    "wagtailcore.page": gettext_lazy("pages"),
    "wagtailcore.revision": gettext_lazy("revisions"),
    "events.registration": gettext_lazy("registrations"),
}


class BackupError(CommandError):
    """A backup or restore that cannot go ahead; the message says why, naming the file."""


class ArchivedFile(BaseModel):
    path: str = Field(pattern=r"^(database|media)/[^\x00]+$")
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class ArchivedDatabase(BaseModel):
    vendor: Literal[VENDORS]
    file: str
    server_version: str


class Manifest(BaseModel):
    """manifest.json, the table of contents of an archive; ``format_version`` changes with its layout."""

    format: Literal[FORMAT]
    format_version: Literal[FORMAT_VERSION]
    created_at: datetime
    database: ArchivedDatabase
    versions: dict[str, str]  # django, wagtail, python
    migrations: dict[str, list[str]]  # applied migrations per app
    files: list[ArchivedFile]
    counts: dict[str, int]  # rows per model ("events.registration": 12)


@dataclass
class DatabaseCopy:
    path: Path
    vendor: str
    server_version: str
    counts: dict = field(default_factory=dict)
    migrations: dict = field(default_factory=dict)


# --- PostgreSQL's programs -------------------------------------------------------------------


def postgres_program(name):
    """pg_dump, pg_restore or psql: the newest of Debian's /usr/lib/postgresql/*/bin, else the PATH."""
    candidates = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda path: int(Path(path).parts[4]))
    program = candidates[-1] if candidates else shutil.which(name)
    if not program:
        raise BackupError(_("%(program)s not found: install PostgreSQL's client programs.") % {"program": name})
    return program


def postgres_environment():
    """The connection of the default database as libpq's variables, so no password is on a command line."""
    database = connection.settings_dict
    variables = {
        "PGDATABASE": database["NAME"],
        "PGUSER": database["USER"],
        "PGPASSWORD": database["PASSWORD"],
        "PGHOST": database["HOST"],
        "PGPORT": str(database["PORT"] or ""),
        "PGSSLMODE": database.get("OPTIONS", {}).get("sslmode", ""),
    }
    return {**os.environ, **{name: value for name, value in variables.items() if value}}


def refuse_open_transaction():
    # pg_dump and psql work in sessions of their own: they would not see, or would wait for, ours.
    if connection.in_atomic_block:
        raise BackupError(_("PostgreSQL backups and restores cannot run inside a transaction."))


def run_postgres(name, *arguments):
    result = subprocess.run(  # noqa: S603 - a PostgreSQL program with arguments built here
        [postgres_program(name), *arguments], env=postgres_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(_("%(program)s failed: %(error)s") % {"program": name, "error": result.stderr.strip()})
    return result


# --- Reading a database ---------------------------------------------------------------------


def inspect_database(cursor, tables):
    """Rows per model and applied migrations per app, read through any DB-API cursor."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in tables:
            continue
        cursor.execute(f'SELECT COUNT(*) FROM "{meta.db_table}"')  # noqa: S608 - table names of the models
        counts[meta.label_lower] = cursor.fetchone()[0]
    migrations = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return counts, migrations


def sqlite_tables(sqlite_connection):
    return {name for (name,) in sqlite_connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def copy_database(directory):
    """Copies the default database into ``directory``, with its counts and migrations from the same snapshot."""
    if connection.vendor not in VENDORS:
        raise BackupError(_("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": connection.vendor})
    if connection.vendor == "sqlite":
        copy = DatabaseCopy(directory / "db.sqlite3", "sqlite", sqlite3.sqlite_version)
        connection.ensure_connection()
        target = sqlite3.connect(copy.path)
        try:
            connection.connection.backup(target)
            copy.counts, copy.migrations = inspect_database(target.cursor(), sqlite_tables(target))
        finally:
            target.close()
        return copy
    copy = DatabaseCopy(directory / "postgresql.dump", "postgresql", str(connection.pg_version))
    refuse_open_transaction()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        run_postgres("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                     f"--file={copy.path}")  # fmt: skip
        copy.counts, copy.migrations = inspect_database(cursor, set(connection.introspection.table_names(cursor)))
    return copy


def media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


# --- Writing an archive ---------------------------------------------------------------------


class HashingReader:
    """A file that computes its SHA-256 while tarfile reads it, so each file is read once."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def add_file(archive, source, name):
    info = archive.gettarinfo(source, arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with source.open("rb") as file:
        reader = HashingReader(file)
        archive.addfile(info, reader)
    return ArchivedFile(path=name, size=info.size, sha256=reader.sha256.hexdigest())


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def write_backup(path):
    """Writes the archive to ``path`` (never left half-written) and returns its manifest."""
    path = Path(path)
    if path.exists():
        raise BackupError(_("%(file)s already exists: choose another name or remove it first.") % {"file": path})
    if not path.parent.is_dir():
        raise BackupError(_("%(directory)s is not a directory.") % {"directory": path.parent})
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=path.parent) as scratch:
        database = copy_database(Path(scratch))
        # The archive holds personal data (registrations, accounts): readable by its owner only.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as output, tarfile.open(fileobj=output, mode="w:gz") as archive:
                files = [add_file(archive, database.path, f"database/{database.path.name}")]
                media_root = Path(settings.MEDIA_ROOT)
                for source in media_files():
                    files.append(add_file(archive, source, f"media/{source.relative_to(media_root).as_posix()}"))
                manifest = Manifest(
                    format=FORMAT,
                    format_version=FORMAT_VERSION,
                    created_at=datetime.now(UTC),
                    database=ArchivedDatabase(
                        vendor=database.vendor, file=files[0].path, server_version=database.server_version
                    ),
                    versions={
                        "django": django.get_version(),
                        "wagtail": wagtail.__version__,
                        "python": platform.python_version(),
                    },
                    migrations=database.migrations,
                    files=files,
                    counts=database.counts,
                )
                add_bytes(archive, MANIFEST, manifest.model_dump_json(indent=2).encode())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return manifest


# --- Reading an archive ---------------------------------------------------------------------


def sha256_of(path):
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(archive, path):
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupError(_("%(file)s is not a backup of this site: it has no %(manifest)s.")
                          % {"file": path, "manifest": MANIFEST}) from None  # fmt: skip
    data = json.loads(archive.extractfile(member).read())
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(
            _("%(file)s is not a backup of this site: its manifest is of another format.") % {"file": path}
        )
    if data.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("%(file)s has backup format version %(found)s; this version of the site reads version %(expected)s.")
            % {"file": path, "found": data.get("format_version"), "expected": FORMAT_VERSION}
        )
    try:
        return Manifest.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        message = _("%(file)s: invalid manifest: %(problems)s") % {"file": path, "problems": problems}
        raise BackupError(message) from None


def unpack(path, directory):
    """Unpacks the archive into ``directory`` and checks it whole; returns its manifest. Touches nothing else."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("%(file)s does not exist or is not a file.") % {"file": path})
    try:
        with tarfile.open(path, "r:*") as archive:
            manifest = read_manifest(archive, path)
            listed = {file.path for file in manifest.files}
            if manifest.database.file not in listed:
                raise BackupError(_("%(file)s: the manifest does not list its database file.") % {"file": path})
            members = [member for member in archive.getmembers() if member.name != MANIFEST]
            for member in members:
                unsafe = ".." in PurePosixPath(member.name).parts or member.name.startswith("/")
                if member.name not in listed or not member.isfile() or unsafe:
                    raise BackupError(
                        _("%(file)s: %(member)s is not a file listed in the manifest.")
                        % {"file": path, "member": member.name}
                    )
            archive.extractall(directory, members=members, filter="data")
    except (tarfile.TarError, EOFError, OSError, zlib.error, ValueError) as error:
        raise BackupError(
            _("%(file)s cannot be read as a backup archive: %(error)s") % {"file": path, "error": error}
        ) from error
    for file in manifest.files:
        unpacked = Path(directory) / file.path
        if not unpacked.is_file():
            raise BackupError(_("%(file)s: %(member)s is missing.") % {"file": path, "member": file.path})
        if unpacked.stat().st_size != file.size or sha256_of(unpacked) != file.sha256:
            raise BackupError(
                _("%(file)s: %(member)s does not match its checksum: the archive is damaged.")
                % {"file": path, "member": file.path}
            )
    return manifest


# --- Restoring ------------------------------------------------------------------------------


def installation_content():
    """What the installation holds beyond what its migrations create, as (label, count) pairs."""
    found = []
    if Page._meta.db_table in connection.introspection.table_names():
        counts = [
            (_("pages"), Page.objects.exclude(content_type__app_label="wagtailcore", content_type__model="page")),
            (_("revisions"), Revision.objects.all()),
            (_("user accounts"), get_user_model().objects.all()),
            (_("images"), get_image_model().objects.all()),
            (_("documents"), get_document_model().objects.all()),
        ]
        found = [(label, queryset.count()) for label, queryset in counts]
    found.append((_("media files"), len(media_files())))
    return [(label, count) for label, count in found if count]


def check_compatible(manifest, path):
    if manifest.database.vendor != connection.vendor:
        raise BackupError(
            _("%(file)s holds a %(archived)s database; this installation uses %(current)s.")
            % {"file": path, "archived": manifest.database.vendor, "current": connection.vendor}
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(f"{app}.{name}" for app, names in manifest.migrations.items() for name in names
                     if (app, name) not in known)  # fmt: skip
    if unknown:
        raise BackupError(
            _("%(file)s was made by a newer version of the site: migrations unknown here: %(migrations)s.")
            % {"file": path, "migrations": ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")}
        )


def replace_database(manifest, directory):
    """Replaces the whole default database with the archived one, in one step."""
    source = Path(directory) / manifest.database.file
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        archived = sqlite3.connect(source)
        try:
            archived.backup(connection.connection)
        finally:
            archived.close()
    else:
        refuse_open_transaction()
        script = Path(directory) / "restore.sql"
        run_postgres("pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(source))
        connection.close()  # the schema is dropped below: no session of ours may hold it
        run_postgres("psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
                     "--command=DROP SCHEMA public CASCADE; CREATE SCHEMA public;", f"--file={script}")  # fmt: skip
    connection.close()
    ContentType.objects.clear_cache()
    cache.clear()  # pages, sites and synonyms of the replaced database


def restored_counts():
    with connection.cursor() as cursor:
        return inspect_database(cursor, set(connection.introspection.table_names(cursor)))[0]


def replace_media(directory):
    """Moves the archive's media into MEDIA_ROOT, removing what was there."""
    media_root = Path(settings.MEDIA_ROOT)
    unpacked = Path(directory) / "media"
    if media_root.exists():
        shutil.rmtree(media_root)
    if unpacked.is_dir():
        shutil.move(unpacked, media_root)
    else:
        media_root.mkdir(parents=True)


def restore_backup(path, replace, write):
    """Restores the archive at ``path``; ``write`` receives one line per step."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # The scratch directory lies beside MEDIA_ROOT, so that the media are moved into place, not copied.
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=media_root.parent) as scratch:
        manifest = unpack(path, scratch)
        check_compatible(manifest, path)
        count = len(manifest.files)
        write(
            ngettext(
                "Checked %(file)s: made %(created)s, %(count)d file, every checksum matches.",
                "Checked %(file)s: made %(created)s, %(count)d files, every checksum matches.",
                count,
            )
            % {"file": path, "created": manifest.created_at.isoformat(timespec="seconds"), "count": count}
        )
        content = installation_content()
        if content and not replace:
            raise BackupError(
                _("This installation is not empty (%(content)s): restore into an empty installation, "
                  "or pass --replace to discard what it holds.")
                % {"content": ", ".join(f"{label}: {count}" for label, count in content)}
            )  # fmt: skip
        replace_database(manifest, scratch)
        counts = restored_counts()
        differing = sorted(label for label, count in manifest.counts.items() if counts.get(label) != count)
        if differing:
            raise BackupError(
                _("The restored database does not hold the rows the manifest counts: %(tables)s.")
                % {"tables": ", ".join(differing)}
            )
        write(
            _("Database restored (%(vendor)s): %(summary)s.")
            % {"vendor": manifest.database.vendor, "summary": summary(manifest.counts)}
        )
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            call_command("migrate", interactive=False, verbosity=0)
            write(
                ngettext(
                    "Applied %(count)d migration newer than the archive.",
                    "Applied %(count)d migrations newer than the archive.",
                    len(pending),
                )
                % {"count": len(pending)}
            )
        replace_media(scratch)
        media = [file for file in manifest.files if file.path.startswith("media/")]
        write(
            ngettext(
                "Media restored into %(directory)s: %(count)d file, %(size)s.",
                "Media restored into %(directory)s: %(count)d files, %(size)s.",
                len(media),
            )
            % {"directory": media_root, "count": len(media), "size": filesizeformat(sum(f.size for f in media))}
        )
    call_command("rebuild_search_index", verbosity=0)
    write(_("Search indexes rebuilt."))
    return manifest


def summary(counts):
    """'pages: 12, revisions: 40, registrations: 3' in the active language."""
    return ", ".join(f"{name}: {counts.get(label, 0)}" for label, name in HIGHLIGHTS.items())
