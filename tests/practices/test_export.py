"""Exporting cases in the interchange format with `export_cases`, and importing what was exported."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Revision

from practices.models import CaseLibraryPage, CasePage

from .test_import import SAMPLE, SAMPLE_SIZE, full_records, import_file, sample_records, write_lines

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def export(*options):
    stdout = StringIO()
    call_command("export_cases", *options, stdout=stdout)
    return stdout.getvalue()


def parsed(output):
    return [json.loads(line) for line in output.splitlines()]


def in_export_order(records):
    """The records as export writes them: by key, Ukrainian first; tags are a set, written sorted."""
    records = [{**record, "tags": sorted(record["tags"])} if "tags" in record else record for record in records]
    return sorted(records, key=lambda record: (record["key"], record["locale"] != "uk", record["locale"]))


def test_export_writes_each_live_case_as_one_line_equal_to_its_imported_record():
    import_file(SAMPLE)

    assert parsed(export()) == in_export_order(sample_records())


def test_export_orders_cases_by_key_with_ukrainian_first():
    import_file(SAMPLE)

    order = [(record["key"], record["locale"]) for record in parsed(export())]

    assert order[:2] == [("bila-tserkva-gis", "uk"), ("chernihiv-open-council", "en")]
    assert ("lviv-open-data-portal", "uk") == order[order.index(("lviv-open-data-portal", "en")) - 1]


def test_export_writes_the_format_field_order():
    import_file(SAMPLE)

    vinnytsia = parsed(export("--locale", "uk"))[-2]

    assert vinnytsia["key"] == "vinnytsia-e-queue"
    assert list(vinnytsia) == [
        "key", "locale", "title", "summary", "problem", "solution", "results", "replication", "region", "community",
        "level", "organization", "year", "categories", "tags", "indicators", "status", "nomination", "award",
    ]  # fmt: skip


def test_export_locale_keeps_only_the_cases_in_that_language():
    import_file(SAMPLE)

    records = parsed(export("--locale", "en"))

    assert {record["locale"] for record in records} == {"en"}
    assert len(records) == sum(record["locale"] == "en" for record in sample_records())


def test_export_leaves_out_cases_that_are_not_live():
    import_file(SAMPLE)
    CasePage.objects.get(key="bila-tserkva-gis").unpublish()

    keys = {record["key"] for record in parsed(export())}

    assert "bila-tserkva-gis" not in keys
    assert len(parsed(export())) == SAMPLE_SIZE - 1


def test_every_field_survives_an_import_and_an_export(tmp_path):
    records = full_records()
    import_file(write_lines(tmp_path / "cases.jsonl", records))

    assert parsed(export()) == in_export_order(records)


def test_importing_an_export_into_the_same_library_changes_nothing(tmp_path):
    import_file(write_lines(tmp_path / "cases.jsonl", sample_records() + full_records()))
    revisions = Revision.objects.count()
    exported = write_lines(tmp_path / "export.jsonl", export().splitlines())

    stdout, _stderr = import_file(exported)

    assert "0 created, 0 updated, 14 unchanged, 0 invalid" in stdout
    assert Revision.objects.count() == revisions


def test_importing_an_export_into_an_empty_library_reproduces_the_cases(tmp_path):
    import_file(write_lines(tmp_path / "cases.jsonl", sample_records() + full_records()))
    first_export = export()
    exported = write_lines(tmp_path / "export.jsonl", first_export.splitlines())
    for library in CaseLibraryPage.objects.all():
        library.delete()
    assert not CasePage.objects.exists()

    stdout, _stderr = import_file(exported)

    assert "14 created, 0 updated, 0 unchanged, 0 invalid" in stdout
    assert export() == first_export


def test_export_reads_the_library_in_a_number_of_queries_that_does_not_grow_with_it(tmp_path):
    import_file(write_lines(tmp_path / "cases.jsonl", full_records()))
    with CaptureQueriesContext(connection) as two_cases:
        export()
    copies = [{**record, "key": f"{record['key']}-{copy}"} for copy in range(5) for record in full_records()]
    import_file(write_lines(tmp_path / "copies.jsonl", copies))

    with CaptureQueriesContext(connection) as twelve_cases:
        assert len(parsed(export())) == 12

    assert len(twelve_cases) == len(two_cases)
