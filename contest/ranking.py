"""Ranking of contest entries from the experts' scores, as pure functions (no database).

A score is an ``(expert, entry, total)`` triple where ``total`` is that expert's weighted total for
that entry (see ``weighted_total``). Three methods turn scores into one number per entry:

- ``mean``: the plain mean of the entry's totals;
- ``median``: their median, which one outlying expert cannot drag;
- ``zscore``: each expert's totals are standardised by that expert's own mean and population
  standard deviation over the entries they scored, then averaged per entry, so a harsh and a
  lenient expert weigh the same. An expert with one entry, or whose totals do not spread, tells
  nothing about relative quality and contributes 0.

``rank`` then orders entries by score, highest first, with competition ranking (1, 1, 3) for ties.
"""

from collections import defaultdict
from math import isclose
from statistics import mean, median, pstdev

METHODS = ("mean", "median", "zscore")


def weighted_total(scores, criteria):
    """Return one expert's total for one entry on a 0..100 scale.

    ``scores`` maps a criterion name to the score given; ``criteria`` maps a criterion name to
    ``(weight, minimum, maximum)``, weights adding up to 100. Each score is normalised to 0..1 over
    its own scale, ``(score - minimum) / (maximum - minimum)``, and multiplied by its weight, so
    criteria on different scales (1..5, 0..10) count in proportion to their weights only and the
    total is 0..100 whatever the scales.
    """
    total = 0.0
    for name, (weight, minimum, maximum) in criteria.items():
        if name not in scores:
            raise ValueError(f"criterion {name!r}: no score")
        score = scores[name]
        if not minimum <= score <= maximum:
            raise ValueError(f"criterion {name!r}: score {score} is outside {minimum}..{maximum}")
        total += (score - minimum) / (maximum - minimum) * weight
    return total


def _by_entry(scores):
    totals = defaultdict(list)
    for _expert, entry, total in scores:
        totals[entry].append(total)
    return totals


def mean_scores(scores):
    """Return ``{entry: mean of its totals}``."""
    return {entry: mean(totals) for entry, totals in _by_entry(scores).items()}


def median_scores(scores):
    """Return ``{entry: median of its totals}``."""
    return {entry: median(totals) for entry, totals in _by_entry(scores).items()}


def zscore_scores(scores):
    """Return ``{entry: mean of the experts' z-scores for it}`` (see the module docstring)."""
    by_expert = defaultdict(list)
    for expert, _entry, total in scores:
        by_expert[expert].append(total)
    standardised = []
    for expert, entry, total in scores:
        totals = by_expert[expert]
        spread = pstdev(totals) if len(totals) > 1 else 0.0
        z = (total - mean(totals)) / spread if spread else 0.0
        standardised.append((expert, entry, z))
    return mean_scores(standardised)


def scores_by(method, scores):
    """Return ``{entry: score}`` by ``method``, one of ``METHODS``."""
    functions = {"mean": mean_scores, "median": median_scores, "zscore": zscore_scores}
    if method not in functions:
        raise ValueError(f"method {method!r}: not one of {', '.join(METHODS)}")
    return functions[method](scores)


def rank(entry_scores):
    """Return ``[(rank, entry, score)]``, highest score first; ties share a rank (1, 1, 3).

    Scores equal up to floating-point rounding tie. Entries with equal scores keep a stable order
    by their key so the output is reproducible.
    """
    ordered = sorted(entry_scores.items(), key=lambda item: (-item[1], str(item[0])))
    ranked = []
    for position, (entry, score) in enumerate(ordered, start=1):
        if ranked and isclose(ranked[-1][2], score, rel_tol=1e-9, abs_tol=1e-9):
            ranked.append((ranked[-1][0], entry, score))
        else:
            ranked.append((position, entry, score))
    return ranked
