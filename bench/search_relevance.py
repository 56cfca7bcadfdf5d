"""Search relevance benchmark: judged queries over a bilingual corpus of cases, per search backend.

    .venv/bin/python bench/search_relevance.py [--show-misses]

Imports ``data/relevance-cases.jsonl`` (written by ``make_relevance_corpus.py``) into a throwaway
database (see ``benchenv``), loads ``data/synonyms.json`` into the search app's synonym groups,
rebuilds the search index, then runs every query of ``data/relevance-queries.json`` through the
site's search service with each configured backend, and through Wagtail's own page search on the
same backend as a baseline. Prints MRR@10 and recall@10, overall and per kind of query.
"""

import argparse
import json
import time
from pathlib import Path

from benchenv import bench_environment, format_table, site_tree

DATA_DIR = Path(__file__).resolve().parent / "data"
CASES_FILE = DATA_DIR / "relevance-cases.jsonl"
QUERIES_FILE = DATA_DIR / "relevance-queries.json"
SYNONYMS_FILE = DATA_DIR / "synonyms.json"
DEPTH = 10
KINDS = ["inflected", "transliterated", "typo", "synonym", "english", "plain", "legacy"]


def load_corpus():
    from practices.interchange import import_cases

    started = time.perf_counter()
    summary = import_cases(CASES_FILE)
    if summary.errors:
        raise SystemExit(f"{CASES_FILE}: " + "; ".join(str(error) for error in summary.errors))
    print(f"corpus: {summary.created} records imported in {time.perf_counter() - started:.1f} s")


def load_synonyms():
    try:
        from search.models import Synonym
    except ImportError:
        print("synonyms: search.models.Synonym does not exist, none loaded")
        return
    if "terms" not in {field.name for field in Synonym._meta.get_fields()}:
        print("synonyms: search.models.Synonym has no terms field, none loaded")
        return
    groups = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    for group in groups:
        Synonym.objects.create(terms=", ".join(group))
    print(f"synonyms: {len(groups)} groups loaded")


def rebuild_index():
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(f"index: rebuilt in {time.perf_counter() - started:.1f} s")


def service_ranking(backend):
    from search.service import search_site

    def ranking(query, locale):
        result = search_site(query, locale, backend=backend)
        return [getattr(hit.page, "key", None) for hit in result.items[:DEPTH]]

    return ranking


def baseline_ranking(backend, keys_by_page):
    """Wagtail's page search as it comes, without the service's query handling."""
    from wagtail.models import Locale, Page

    locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def ranking(query, locale):
        pages = Page.objects.live().filter(locale=locales[locale]).search(query, backend=backend)[:DEPTH]
        return [keys_by_page.get(page.pk) for page in pages]

    return ranking


def evaluate(ranking, queries):
    """Per query: reciprocal rank of the first relevant case, recall at DEPTH, and any error."""
    outcomes = []
    for query in queries:
        relevant = set(query["relevant"])
        try:
            keys = ranking(query["query"], query["locale"])
            error = None
        except Exception as failure:  # noqa: BLE001 - a failing query scores zero and is reported
            keys, error = [], f"{type(failure).__name__}: {failure}"
        first = next((rank for rank, key in enumerate(keys, 1) if key in relevant), None)
        found = len(relevant & set(keys))
        outcomes.append(
            {
                **query,
                "rr": 1 / first if first else 0.0,
                "recall": found / len(relevant),
                "found": found,
                "first": first,
                "error": error,
            }
        )
    return outcomes


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def summary_row(label, outcomes, elapsed):
    row = [
        label,
        f"{mean(item['rr'] for item in outcomes):.3f}",
        f"{mean(item['recall'] for item in outcomes):.3f}",
        sum(1 for item in outcomes if item["error"]),
        f"{elapsed * 1000 / len(outcomes):.0f}",
    ]
    for kind in KINDS:
        of_kind = [item for item in outcomes if item["kind"] == kind]
        row.append(f"{mean(item['rr'] for item in of_kind):.2f}/{mean(item['recall'] for item in of_kind):.2f}")
    return row


def print_misses(label, outcomes):
    misses = [item for item in outcomes if item["recall"] < 1]
    print(f"\n{label}: {len(misses)} queries with relevant cases missing from the top {DEPTH}")
    for item in misses:
        first = item["first"] or "-"
        detail = f" [{item['error']}]" if item["error"] else ""
        print(
            f"  {item['kind']:<14} {item['locale']}  {item['query']!r}: {item['found']}/{len(item['relevant'])}, "
            f"first relevant at {first}{detail}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="list the queries that missed relevant cases")
    arguments = parser.parse_args()
    queries = json.loads(QUERIES_FILE.read_text(encoding="utf-8"))
    with bench_environment():
        from django.conf import settings

        from practices.models import CasePage

        site_tree()
        load_corpus()
        load_synonyms()
        rebuild_index()
        keys_by_page = dict(CasePage.objects.values_list("pk", "key"))
        rows, details = [], []
        for backend in settings.WAGTAILSEARCH_BACKENDS:
            for label, ranking in (
                (f"service / {backend}", service_ranking(backend)),
                (f"baseline / {backend}", baseline_ranking(backend, keys_by_page)),
            ):
                started = time.perf_counter()
                outcomes = evaluate(ranking, queries)
                rows.append(summary_row(label, outcomes, time.perf_counter() - started))
                details.append((label, outcomes))
        counts = {kind: sum(1 for query in queries if query["kind"] == kind) for kind in KINDS}
        print(
            f"\n{len(queries)} judged queries ("
            + ", ".join(f"{kind} {count}" for kind, count in counts.items())
            + f"); per kind: MRR@{DEPTH}/recall@{DEPTH}\n"
        )
        headers = ["backend", f"MRR@{DEPTH}", f"R@{DEPTH}", "errors", "ms/query", *KINDS]
        print(format_table(headers, rows))
        if arguments.show_misses:
            for label, outcomes in details:
                print_misses(label, outcomes)


if __name__ == "__main__":
    main()
