"""manage.py backup and restore: one archive of the database and the media, back into an empty installation.

The round trip runs on the embedded SQLite database and, in the services pass, on PostgreSQL through
pg_dump and psql. The tests commit their data (transaction=True): pg_dump reads in a session of its own; the rows the
migrations create come back after each test (serialized_rollback).
"""

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision

from events.models import Registration
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.services import wait_for_idle_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def content_types_cached_for_the_next_test():
    """Leaves the content type cache full, as a test that restores nothing leaves it.

    A restore rightly empties the cache (content type ids may differ between installations). The
    serialized rollback that sets up the next test saves pages before their content types, and with
    an empty cache Wagtail's signal handlers would create those content types anew, under other ids.
    A test that leaves an empty database leaves the cache as it was.
    """
    yield
    if ContentType.objects.exists():
        ContentType.objects.get_for_models(*apps.get_models(include_auto_created=True))


@pytest.fixture(autouse=True)
def worker_of_the_services_pass(request, settings):
    """In the services pass a worker indexes what the tests save (and one may still run from an earlier test)."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        request.getfixturevalue("celery_worker")


def settle_workers():
    """Nothing in flight, as the README asks of an operator before a restore.

    A task writing meanwhile would change the rows the restore checks against the manifest.
    """
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        wait_for_idle_worker()


@pytest.fixture
def content(site_tree):
    """Pages in both languages, their revisions, an event with registrations, an image file."""
    index = EventIndexPageFactory(parent=site_tree.home_uk)
    event = EventPageFactory(parent=index, title="Вебінар про ЦНАП", slug="webinar", registration_open=True)
    RegistrationFactory(event=event, email="olha@example.org")
    RegistrationFactory(event=event, email="petro@example.org", status=Registration.Status.WAITING)
    site_tree.about_uk.title = "Про депозитарій"
    site_tree.about_uk.save_revision().publish()
    get_image_model().objects.create(title="Зала", file=get_test_image_file(size=(640, 480)))
    return site_tree


def snapshot():
    """What a visitor or an organiser would notice: pages, revisions, registrations, media files."""
    media_root = Path(settings.MEDIA_ROOT)
    return {
        "pages": sorted(Page.objects.values_list("id", "translation_key", "locale__language_code", "title", "live")),
        "revisions": sorted((r.object_id, r.content["title"]) for r in Revision.objects.all()),
        "registrations": sorted(Registration.objects.values_list("event_id", "email", "status", "token")),
        "media": {
            path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in media_root.rglob("*")
            if path.is_file()
        },
    }


def empty_installation():
    """A fresh installation: no rows, no media (what a new server holds before the restore)."""
    settle_workers()
    call_command("flush", interactive=False, inhibit_post_migrate=True, reset_sequences=False, verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def backup(path):
    settle_workers()
    output = io.StringIO()
    with translation.override("en"):
        call_command("backup", str(path), stdout=output)
    return output.getvalue()


def restore(path, *arguments):
    settle_workers()
    output = io.StringIO()
    with translation.override("en"):
        call_command("restore", str(path), *arguments, stdout=output)
    return output.getvalue()


def manifest_of(path):
    with tarfile.open(path) as archive:
        return json.load(archive.extractfile("manifest.json"))


def test_round_trip_brings_back_pages_revisions_registrations_and_media(content, tmp_path):
    before = snapshot()
    assert before["media"] and len(before["registrations"]) == 2
    archive = tmp_path / "site.tar.gz"

    written = backup(archive)
    empty_installation()
    assert snapshot()["pages"] == []
    restored = restore(archive)

    assert snapshot() == before
    assert "pages: 8, revisions: 10, registrations: 2" in written
    assert "every checksum matches" in restored
    assert "Database restored" in restored and "Media restored" in restored and "Search indexes rebuilt" in restored


def test_restored_pages_are_found_by_search(content, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    empty_installation()

    restore(archive)

    assert "Про депозитарій" in [page.title for page in Page.objects.live().search("депозитарій")]


def test_manifest_describes_the_archive(content, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup(archive)

    manifest = manifest_of(archive)
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}

    assert manifest["format"] == "depository-backup"
    assert manifest["format_version"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert set(manifest["versions"]) == {"django", "wagtail", "python"}
    assert "0001_initial" in manifest["migrations"]["events"]
    assert manifest["counts"]["events.registration"] == 2
    assert manifest["counts"]["wagtailcore.page"] == Page.objects.count()
    for file in manifest["files"]:
        data = tar_bytes(archive, file["path"])
        assert (len(data), hashlib.sha256(data).hexdigest()) == (file["size"], file["sha256"])
    assert set(members) == {file["path"] for file in manifest["files"]} | {"manifest.json"}
    assert any(name.startswith("media/original_images/") for name in members)
    assert archive.stat().st_mode & 0o777 == 0o600


def tar_bytes(archive, name):
    with tarfile.open(archive) as tar:
        return tar.extractfile(name).read()


def test_backup_refuses_to_overwrite_an_archive(content, tmp_path):
    archive = tmp_path / "site.tar.gz"
    archive.write_text("yesterday's backup")

    with pytest.raises(CommandError, match="already exists"):
        backup(archive)
    assert archive.read_text() == "yesterday's backup"


def test_restore_refuses_an_installation_with_content_naming_what_it_holds(content, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    RegistrationFactory(event=Page.objects.get(slug="webinar").specific, email="late@example.org")
    before = snapshot()

    held = r"pages: 7, revisions: 10, images: 1, media files: 1"
    with pytest.raises(CommandError, match=rf"This installation is not empty \({held}\).*pass --replace"):
        restore(archive)
    assert snapshot() == before


def test_restore_replaces_content_when_told_to(content, tmp_path):
    before = snapshot()
    archive = tmp_path / "site.tar.gz"
    backup(archive)
    RegistrationFactory(event=Page.objects.get(slug="webinar").specific, email="late@example.org")
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the archive")

    restore(archive, "--replace")

    assert snapshot() == before


def rewrite_archive(source, target, change):
    """Copies an archive member by member, passing each (info, data) through ``change``."""
    with tarfile.open(source) as original, tarfile.open(target, "w:gz") as copy:
        for member in original.getmembers():
            info, data = change(member, original.extractfile(member).read())
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))


def test_restore_refuses_a_damaged_archive_without_touching_anything(content, tmp_path):
    archive, damaged = tmp_path / "site.tar.gz", tmp_path / "damaged.tar.gz"
    backup(archive)

    def flip_a_byte_of_the_image(info, data):
        if info.name.startswith("media/"):
            data = bytes([data[0] ^ 1]) + data[1:]
        return info, data

    rewrite_archive(archive, damaged, flip_a_byte_of_the_image)
    empty_installation()

    with pytest.raises(CommandError, match=r"media/original_images/.* does not match its checksum"):
        restore(damaged)
    assert snapshot() == {"pages": [], "revisions": [], "registrations": [], "media": {}}


def test_restore_refuses_a_file_added_to_the_archive(content, tmp_path):
    archive, tampered = tmp_path / "site.tar.gz", tmp_path / "tampered.tar.gz"
    backup(archive)
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member))
        extra = tarfile.TarInfo("media/extra.html")
        extra.size = 4
        target.addfile(extra, io.BytesIO(b"<p>!"))
    before = snapshot()

    with pytest.raises(CommandError, match="media/extra.html is not a file listed in the manifest"):
        restore(tampered, "--replace")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"notes.txt": b"hello"}, "is not a backup of this site: it has no manifest.json"),
        ({"manifest.json": b'{"format": "other"}'}, "its manifest is of another format"),
        ({"manifest.json": b'{"format": "depository-backup", "format_version": 9}'}, "format version 9"),
    ],
)
def test_restore_refuses_a_foreign_archive(site_tree, tmp_path, members, message):
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    before = snapshot()

    with pytest.raises(CommandError, match=message):
        restore(foreign, "--replace")
    assert snapshot() == before


def test_restore_refuses_a_file_that_is_no_archive(site_tree, tmp_path):
    not_an_archive = tmp_path / "site.tar.gz"
    not_an_archive.write_bytes(b"\x00" * 100)

    with pytest.raises(CommandError, match="cannot be read as a backup archive"):
        restore(not_an_archive)


@pytest.mark.services
def test_postgresql_archive_holds_a_dump_pg_restore_reads(real_services, content, tmp_path):
    import subprocess

    from operations.archive import postgres_program

    archive = tmp_path / "site.tar.gz"
    backup(archive)
    (tmp_path / "dump").write_bytes(tar_bytes(archive, "database/postgresql.dump"))

    listing = subprocess.run(
        [postgres_program("pg_restore"), "--list", tmp_path / "dump"], capture_output=True, text=True, check=True
    )

    assert manifest_of(archive)["database"]["vendor"] == "postgresql"
    assert "TABLE DATA public events_registration" in listing.stdout
