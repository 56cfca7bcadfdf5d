"""The phase follows the dates; dates out of order are refused, naming the field."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from contest.phases import DATE_FIELDS, check_order, phase

START = datetime(2013, 3, 1, tzinfo=UTC)
DATES = {field: START + timedelta(days=30 * index) for index, field in enumerate(DATE_FIELDS)}


@pytest.mark.parametrize(
    ("days", "expected"),
    [(-1, None), (0, "announced"), (31, "open"), (60, "evaluation"), (95, "awaiting_results"), (400, "results")],
)
def test_phase_switches_at_each_date(days, expected):
    assert phase(DATES, START + timedelta(days=days)) == expected


def test_dates_in_order_accepted():
    check_order(DATES)


def test_date_out_of_order_refused_naming_the_field():
    dates = dict(DATES, evaluation_close_at=DATES["submissions_close_at"])
    with translation.override("en"), pytest.raises(ValidationError) as error:
        check_order(dates)
    with translation.override("en"):
        assert error.value.message_dict == {
            "evaluation_close_at": ["End of expert evaluation must come after Submission deadline."]
        }


def test_order_message_in_ukrainian():
    dates = dict(DATES, results_at=DATES["announcement_at"])
    with translation.override("uk"), pytest.raises(ValidationError) as error:
        check_order(dates)
    with translation.override("uk"):
        assert error.value.message_dict == {
            "results_at": ["«Результати» має бути пізніше, ніж «Завершення експертного оцінювання»."]
        }
