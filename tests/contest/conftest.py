from tests.contest.conftest_results import results_contest  # noqa: F401 - the results tests' contest
