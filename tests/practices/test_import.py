"""Importing cases from the interchange format (practices/data/case-format.md) with `import_cases`."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import PageLogEntry, ReferenceIndex, Revision

from practices import interchange
from practices.models import CaseLibraryPage, CasePage, Organisation

SAMPLE = Path(interchange.__file__).with_name("data") / "cases-sample.jsonl"
SAMPLE_SIZE = 12
# Line 3 of the sample: a Ukrainian case with no English record.
LINE_3 = 2

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_tree")]


@pytest.fixture(autouse=True)
def english():
    """The reasons are interface strings; the tests read them in English."""
    with translation.override("en"):
        yield


def sample_records():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_lines(path, lines):
    """Write records (dicts) and raw lines (strings) as a JSON Lines file."""
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def import_file(path, *options, verbosity=1):
    stdout, stderr = StringIO(), StringIO()
    call_command("import_cases", str(path), *options, stdout=stdout, stderr=stderr, verbosity=verbosity)
    return stdout.getvalue(), stderr.getvalue()


def failed_import(path, *options):
    stderr = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_cases", str(path), *options, stdout=StringIO(), stderr=stderr)
    return str(failure.value), stderr.getvalue()


def full_records():
    """Two cases using every field of the format: the second is adapted from the first and adopted by it."""
    return [
        {
            "key": "lutsk-open-budget",
            "locale": "uk",
            "title": "Відкритий бюджет Луцька",
            "summary": "Місто публікує бюджет і його виконання щодня.",
            "problem": "Бюджет був незрозумілий мешканцям.",
            "solution": "Портал із візуалізаціями.\n\nДані оновлюються щодня.",
            "results": "Понад 20 тис. переглядів на рік.",
            "replication": "Потрібен портал і вивантаження з казначейства.",
            "region": "UA-07",
            "community": "Луцька міська територіальна громада",
            "level": "city",
            "organization": "Луцька міська рада",
            "year": 2016,
            "categories": ["openness/open-budget"],
            "tags": ["бюджет", "відкритість"],
            "indicators": [{"label": "Переглядів на рік", "value": "20 000"}],
            "links": [{"title": "Портал", "url": "https://budget.example.org/"}],
            "video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "status": "pilot",
            "nomination": "best-openness",
            "award": "finalist",
            "adopted_by": [
                {"community": "Ковельська громада", "region": "UA-07", "year": 2018, "key": "kovel-open-budget"},
                {"community": "Рівненська громада", "region": "UA-56", "year": 2019, "key": None},
            ],
            "contact": {
                "name": "Олена Петренко",
                "position": "начальниця відділу",
                "email": "olena@example.org",
                "phone": "+380 332 000000",
                "public": True,
            },
        },
        {
            "key": "kovel-open-budget",
            "locale": "uk",
            "title": "Відкритий бюджет Ковеля",
            "summary": "Ковель повторив луцький портал бюджету.",
            "region": "UA-07",
            "level": "town",
            "year": 2018,
            "categories": ["openness/open-budget"],
            "status": "active",
            "adapted_from": "lutsk-open-budget",
            "contact": {"name": "Іван Коваль", "public": False},
        },
    ]


def test_a_valid_file_becomes_live_cases_in_the_library_of_each_language():
    stdout, _stderr = import_file(SAMPLE)

    assert "12 created, 0 updated, 0 unchanged, 0 invalid" in stdout
    assert CasePage.objects.live().count() == SAMPLE_SIZE
    libraries = {library.locale.language_code: library for library in CaseLibraryPage.objects.live()}
    assert (libraries["uk"].title, libraries["uk"].slug) == ("Бібліотека кейсів", "cases")
    assert libraries["en"].title == "Case library"
    assert libraries["en"].translation_key == libraries["uk"].translation_key
    for case in CasePage.objects.all():
        assert case.get_parent().specific == libraries[case.locale.language_code]


def test_a_record_fills_every_field_of_its_case(tmp_path):
    import_file(write_lines(tmp_path / "cases.jsonl", full_records()))

    lutsk = CasePage.objects.get(key="lutsk-open-budget")
    kovel = CasePage.objects.get(key="kovel-open-budget")
    assert (lutsk.title, lutsk.intro, lutsk.region.code, lutsk.level, lutsk.year) == (
        "Відкритий бюджет Луцька",
        "Місто публікує бюджет і його виконання щодня.",
        "UA-07",
        "city",
        2016,
    )
    assert lutsk.paragraphs["solution"] == ["Портал із візуалізаціями.", "Дані оновлюються щодня."]
    assert lutsk.organisation.name == "Луцька міська рада"
    assert [category.path for category in lutsk.categories] == ["openness/open-budget"]
    assert sorted(tag.name for tag in lutsk.tags.all()) == ["бюджет", "відкритість"]
    assert [(item.label, item.value) for item in lutsk.indicators.all()] == [("Переглядів на рік", "20 000")]
    assert [(link.title, link.url) for link in lutsk.links.all()] == [("Портал", "https://budget.example.org/")]
    assert (lutsk.status, lutsk.nomination, lutsk.award) == ("pilot", "best-openness", "finalist")
    assert lutsk.public_contact["email"] == "olena@example.org"
    assert [(item.community, item.region.code, item.year, item.adopter_case) for item in lutsk.adoptions.all()] == [
        ("Ковельська громада", "UA-07", 2018, kovel),
        ("Рівненська громада", "UA-56", 2019, None),
    ]
    assert kovel.adapted_from == lutsk
    assert (kovel.status, kovel.award, kovel.contact_name, kovel.public_contact) == ("active", "", "Іван Коваль", None)


def test_inline_rows_keep_the_order_of_the_record_whatever_the_database_returns(tmp_path):
    """Rows without a position come back from PostgreSQL in any order: each row gets its place in the record."""
    record = full_records()[0] | {
        "indicators": [{"label": f"Показник {number}", "value": str(number)} for number in range(4)],
        "categories": ["openness/open-budget", "e-services/e-queue"],
    }
    import_file(write_lines(tmp_path / "cases.jsonl", [record, full_records()[1]]))

    lutsk = CasePage.objects.get(key="lutsk-open-budget")
    for rows in (lutsk.indicators, lutsk.case_categories, lutsk.adoptions):
        assert [row.sort_order for row in rows.order_by("pk")] == list(range(rows.count()))
    assert [item.value for item in lutsk.indicators.all()] == ["0", "1", "2", "3"]


def test_a_case_refers_to_a_case_later_in_the_file_without_extra_outcomes(tmp_path):
    lutsk, kovel = full_records()
    stdout, _stderr = import_file(write_lines(tmp_path / "cases.jsonl", [kovel, lutsk]))

    assert "2 created, 0 updated, 0 unchanged" in stdout
    assert CasePage.objects.get(key="kovel-open-budget").adapted_from.key == "lutsk-open-budget"
    assert CasePage.objects.get(key="lutsk-open-budget").adoptions.first().adopter_case.key == "kovel-open-budget"


def replace_line_3(replacement):
    def edit(records):
        return [*records[:LINE_3], replacement(records), *records[LINE_3 + 1 :]]

    return edit


def changed(**fields):
    return replace_line_3(lambda records: {**records[LINE_3], **fields})


@pytest.mark.parametrize(
    ("edit", "field", "reason"),
    [
        pytest.param(
            replace_line_3(lambda records: '{"key": "broken",'), "record", "not valid JSON", id="invalid JSON"
        ),
        pytest.param(
            replace_line_3(lambda records: {k: v for k, v in records[LINE_3].items() if k != "title"}),
            "title",
            "this field is required",
            id="missing required field",
        ),
        pytest.param(changed(key="Poltava Budget"), "key", "lowercase Latin letters", id="bad key"),
        pytest.param(changed(region="UA-99"), "region", "unknown region code", id="unknown region"),
        pytest.param(
            changed(categories=["e-democracy/teleportation"]),
            "categories[1]",
            'unknown category "e-democracy/teleportation"',
            id="unknown category",
        ),
        pytest.param(changed(year=1990), "year", "from 1991 to 2100", id="year out of range"),
        pytest.param(changed(summary="x" * 601), "summary", "at most 600 characters", id="summary too long"),
        pytest.param(
            changed(solution="x" * 10_000_000), "solution", "at most 20000 characters", id="a 10 MB text field"
        ),
        pytest.param(changed(tags=["x" * 101]), "tags[1]", "at most 100 characters", id="tag too long"),
        pytest.param(changed(tags=["t"] * 51), "tags", "at most 50 items", id="too many tags"),
        pytest.param(
            changed(categories=["x" * 200]), "categories[1]", "at most 161 characters", id="category path too long"
        ),
        pytest.param(
            changed(contact={"email": "a@" + "b" * 300 + ".org"}), "contact.email", "at most 254", id="e-mail too long"
        ),
        pytest.param(
            changed(links=[{"title": "Site", "url": "ftp://example.org/"}]), "links[1].url", "http", id="bad link URL"
        ),
        pytest.param(
            changed(video_url="https://example.org/clip.html"), "video_url", "YouTube or Vimeo", id="bad video URL"
        ),
        pytest.param(
            replace_line_3(lambda records: records[0]), "key", "already on line 1", id="duplicate key and locale"
        ),
        pytest.param(changed(adapted_from="no-such-case"), "adapted_from", "no case", id="unknown adapted_from"),
    ],
)
def test_an_invalid_line_is_reported_with_its_number_field_and_reason_and_nothing_is_imported(
    tmp_path, edit, field, reason
):
    path = write_lines(tmp_path / "cases.jsonl", edit(sample_records()))

    message, stderr = failed_import(path)

    assert message == "1 invalid line: nothing imported"
    assert [line for line in stderr.splitlines() if line.startswith("line 3: ")] == [
        line for line in stderr.splitlines() if line
    ]
    assert f"line 3: {field}: " in stderr
    assert reason in stderr
    assert not CasePage.objects.exists()
    assert not CaseLibraryPage.objects.exists()


def test_every_invalid_line_is_reported_blank_lines_ignored(tmp_path):
    records = sample_records()
    lines = [
        records[0],
        "",
        {**records[1], "year": "2011", "region": ["UA-05"]},
        "[1, 2]",
        {**records[2], "colour": "red", "level": "x"},
    ]

    message, stderr = failed_import(write_lines(tmp_path / "cases.jsonl", lines))

    assert message == "3 invalid lines: nothing imported"
    assert stderr.splitlines() == [
        "line 3: region: unknown region code",
        "line 3: year: must be a whole number from 1991 to 2100",
        "line 4: record: must be a JSON object",
        "line 5: colour: unknown field",
        "line 5: level: must be one of: oblast, district, city, town, village, hromada",
    ]


def test_skip_invalid_imports_the_valid_lines_and_reports_the_others(tmp_path):
    path = write_lines(tmp_path / "cases.jsonl", changed(region="UA-99")(sample_records()))

    stdout, stderr = import_file(path, "--skip-invalid")

    assert "11 created, 0 updated, 0 unchanged, 1 invalid" in stdout
    assert "line 3: region: unknown region code" in stderr
    assert CasePage.objects.count() == SAMPLE_SIZE - 1
    assert not CasePage.objects.filter(key="poltava-participatory-budget").exists()


def test_importing_the_same_file_twice_changes_nothing_the_second_time():
    import_file(SAMPLE)
    pages, revisions, log_entries = CasePage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()

    stdout, _stderr = import_file(SAMPLE)

    assert "0 created, 0 updated, 12 unchanged, 0 invalid" in stdout
    assert (CasePage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == (
        pages,
        revisions,
        log_entries,
    )


def test_a_changed_record_updates_its_case_with_a_new_revision(tmp_path):
    import_file(SAMPLE)
    page = CasePage.objects.get(key="vinnytsia-e-queue", locale__language_code="uk")
    revisions = page.revisions.count()
    records = sample_records()
    records[0] = {**records[0], "title": "Нова назва", "indicators": [{"label": "Черга", "value": "5 хв"}]}

    stdout, _stderr = import_file(write_lines(tmp_path / "cases.jsonl", records))

    assert "0 created, 1 updated, 11 unchanged" in stdout
    page.refresh_from_db()
    assert page.title == "Нова назва"
    assert [(item.label, item.value) for item in page.indicators.all()] == [("Черга", "5 хв")]
    assert page.revisions.count() == revisions + 1
    assert CasePage.objects.count() == SAMPLE_SIZE


def test_records_of_one_key_are_translations_of_the_ukrainian_case():
    import_file(SAMPLE)

    uk = CasePage.objects.get(key="vinnytsia-e-queue", locale__language_code="uk")
    en = CasePage.objects.get(key="vinnytsia-e-queue", locale__language_code="en")
    assert en.translation_key == uk.translation_key
    assert en.title == "Electronic queue for the administrative service centre"
    assert en.organisation.name == "Vinnytsia City Council"
    assert en.organisation.translation_key == uk.organisation.translation_key
    assert [category.locale.language_code for category in en.categories] == ["en", "en"]


def test_a_key_without_a_ukrainian_record_creates_the_case_in_its_own_language_only():
    import_file(SAMPLE)

    case = CasePage.objects.get(key="chernihiv-open-council")
    assert case.locale.language_code == "en"
    assert not CasePage.objects.filter(translation_key=case.translation_key).exclude(pk=case.pk).exists()
    assert Organisation.objects.get(name="Chernihiv City Council").locale.language_code == "en"


def test_a_dry_run_validates_and_writes_nothing():
    stdout, _stderr = import_file(SAMPLE, "--dry-run")

    assert "Dry run: 12 valid, 0 invalid; nothing written." in stdout
    assert not CasePage.objects.exists()
    assert not CaseLibraryPage.objects.exists()
    assert not Organisation.objects.exists()


def test_progress_is_shown_on_standard_error_unless_quiet(monkeypatch):
    monkeypatch.setattr(interchange, "PROGRESS_EVERY", 5)

    _stdout, stderr = import_file(SAMPLE)
    assert stderr.splitlines() == ["5/12 records (41%)", "10/12 records (83%)"]

    _stdout, stderr = import_file(SAMPLE, verbosity=0)
    assert stderr == ""


def test_import_records_the_references_of_the_cases(site_tree):
    interchange.import_cases(SAMPLE)
    case = CasePage.objects.get(key="vinnytsia-e-queue", locale__language_code="uk")

    referenced = {reference.to_content_type.model for reference in ReferenceIndex.get_references_for_object(case)}
    assert {"category", "region"} <= referenced
