"""The ranking methods on a small example worked out by hand."""

from math import sqrt

import pytest

from contest.ranking import rank, scores_by, weighted_total

# Expert A scores three entries (mean 60, population sd sqrt(800/3)); B gives two entries the same
# total (zero spread: contributes 0); C scores one entry only (contributes 0); D scores two (mean 50, sd 20).
SCORES = [
    ("A", "e1", 80),
    ("A", "e2", 60),
    ("A", "e3", 40),
    ("B", "e1", 50),
    ("B", "e2", 50),
    ("C", "e3", 90),
    ("D", "e1", 70),
    ("D", "e3", 30),
]


def test_mean():
    assert scores_by("mean", SCORES) == pytest.approx({"e1": 200 / 3, "e2": 55, "e3": 160 / 3})


def test_median():
    assert scores_by("median", SCORES) == {"e1": 70, "e2": 55, "e3": 40}


def test_zscore_with_a_single_entry_expert_and_a_zero_spread_expert():
    a = 20 / sqrt(800 / 3)  # A's z-score for e1; -a for e3, 0 for e2
    assert scores_by("zscore", SCORES) == pytest.approx({"e1": (a + 0 + 1) / 3, "e2": 0, "e3": (-a + 0 - 1) / 3})


def test_methods_can_order_entries_differently():
    assert [entry for _rank, entry, _score in rank(scores_by("mean", SCORES))] == ["e1", "e2", "e3"]
    assert [entry for _rank, entry, _score in rank(scores_by("median", SCORES))] == ["e1", "e2", "e3"]
    assert scores_by("mean", [("A", "x", 10), ("B", "y", 90), ("A", "y", 20)])["y"] == 55


def test_ties_share_a_rank():
    assert rank({"c": 5, "b": 10, "a": 10, "d": 1}) == [(1, "a", 10), (1, "b", 10), (3, "c", 5), (4, "d", 1)]


def test_float_rounding_does_not_break_a_tie():
    assert [r for r, _entry, _score in rank({"a": 0.1 + 0.2, "b": 0.3})] == [1, 1]


def test_unknown_method_refused():
    with pytest.raises(ValueError, match="'best': not one of mean, median, zscore"):
        scores_by("best", SCORES)


def test_weighted_total_normalises_each_scale():
    criteria = {"impact": (60, 1, 5), "cost": (40, 0, 10)}
    assert weighted_total({"impact": 4, "cost": 5}, criteria) == pytest.approx(0.75 * 60 + 0.5 * 40)
    assert weighted_total({"impact": 5, "cost": 10}, criteria) == pytest.approx(100)
    assert weighted_total({"impact": 1, "cost": 0}, criteria) == 0


def test_weighted_total_refuses_off_scale_and_missing_scores():
    criteria = {"impact": (100, 1, 5)}
    with pytest.raises(ValueError, match="'impact': score 6 is outside 1..5"):
        weighted_total({"impact": 6}, criteria)
    with pytest.raises(ValueError, match="'impact': no score"):
        weighted_total({}, criteria)
