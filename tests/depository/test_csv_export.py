"""Every CSV download goes through one writer that keeps cells from running as spreadsheet formulas."""

import csv
import io

import pytest

from depository.csv_export import csv_cell, csv_lines

FORMULAS = ['=HYPERLINK("http://evil","x")', "+380 44 000", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(text):
    assert csv_cell(text) == f"'{text}"


@pytest.mark.parametrize("value", ["Черга Вінниця", "a=b", " =1", "", 2015, -3, 2.5])
def test_other_cells_and_numbers_are_written_as_they_are(value):
    assert csv_cell(value) == value


def test_a_missing_value_is_an_empty_cell():
    assert csv_cell(None) == ""


def test_the_file_starts_with_a_byte_order_mark_and_guards_every_row():
    text = "".join(csv_lines(["name"], [["=1+1"], ["Ольга"]]))

    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == [["name"], ["'=1+1"], ["Ольга"]]
