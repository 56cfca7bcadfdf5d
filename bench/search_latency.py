"""Search latency benchmark: a full reindex and the search API's response times on a large library.

    .venv/bin/python bench/search_latency.py [--pages 20000] [--requests 300]

Builds ``--pages`` case pages (half as many cases, each in Ukrainian and English) in a throwaway
database (see ``benchenv``), times ``update_index``, then times ``--requests`` requests to
``/api/v2/search/`` and as many to ``/api/v2/search/suggest/`` per configured search backend (and per
``--compare`` backend module, which reads the same database index), in process through Django's test
client. Prints figures only.

Importing or publishing pages one at a time runs at about 20 a second, so the pages are written in
bulk: tree paths are computed here, the ``Page`` rows are bulk-created, and the case rows are
inserted with the same one-table insert ``bulk_create`` uses (it refuses models with a parent table).
"""

import argparse
import json
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

from benchenv import bench_environment, format_table, site_tree

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2013
BATCH = 500
WARM_UP = 5
PROGRESS_EVERY = 50


def seed_libraries(workdir):
    """The case libraries in both languages, made by importing one translated case."""
    from practices.interchange import import_cases

    lines = (DATA_DIR / "relevance-cases.jsonl").read_text(encoding="utf-8").splitlines()
    first_key = json.loads(lines[0])["key"]
    seed = workdir / "seed.jsonl"
    seed.write_text("\n".join(line for line in lines if json.loads(line)["key"] == first_key) + "\n", "utf-8")
    summary = import_cases(seed)
    if summary.errors:
        raise SystemExit("; ".join(str(error) for error in summary.errors))


def generated_texts(rng, count):
    """``count`` pairs of (Ukrainian, English) case records from the relevance corpus templates."""
    from make_relevance_corpus import CITIES, CLOSINGS, TOPICS, TOWNS, figures, record

    communities = CITIES + TOWNS
    for _number in range(count):
        community = rng.choice(communities)
        topic = rng.choice(list(TOPICS))
        variant = rng.randrange(len(TOPICS[topic]["variants"]))
        numbers = figures(rng, rng.randint(2005, 2024))
        choices = (rng.randrange(2), rng.randrange(len(CLOSINGS["uk"])))
        yield tuple(record(community, topic, variant, language, numbers, choices) for language in ("uk", "en"))


def build_pages(total):
    """Write ``total`` live case pages under the two case libraries; return pages per second."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from practices.models import CaseCategory, CaseLibraryPage, CasePage, Category, Region

    rng = random.Random(SEED)
    content_type = ContentType.objects.get_for_model(CasePage)
    libraries = {library.locale.language_code: library for library in CaseLibraryPage.objects.select_related("locale")}
    regions = {region.code: region for region in Region.objects.all()}
    categories = {
        (category.locale.language_code, category.path): category
        for category in Category.objects.select_related("locale", "parent")
    }
    next_step = {code: library.numchild + 1 for code, library in libraries.items()}
    case_fields = list(CasePage._meta.local_concrete_fields)
    now = timezone.now()
    started = time.perf_counter()
    texts = generated_texts(rng, total // 2)
    written = 0
    with transaction.atomic():
        while written < total // 2:
            batch = [next(texts) for _number in range(min(BATCH, total // 2 - written))]
            pages, cases, rows = [], [], []
            for offset, pair in enumerate(batch):
                translation_key = uuid.uuid4()
                key = f"bench-{written + offset:06d}"
                for item in pair:
                    code = item["locale"]
                    library = libraries[code]
                    page = Page(
                        title=item["title"],
                        draft_title=item["title"],
                        slug=key,
                        content_type=content_type,
                        path=Page._get_path(library.path, library.depth + 1, next_step[code]),
                        depth=library.depth + 1,
                        numchild=0,
                        url_path=f"{library.url_path}{key}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=library.locale_id,
                        translation_key=translation_key,
                    )
                    next_step[code] += 1
                    pages.append(page)
                    cases.append(
                        CasePage(
                            key=key,
                            intro=item["summary"],
                            problem=item["problem"],
                            solution=item["solution"],
                            results=item["results"],
                            replication=item["replication"],
                            community=item["community"],
                            region=regions[item["region"]],
                            level=item["level"],
                            year=item["year"],
                        )
                    )
                    rows.append([(code, path) for path in item["categories"]])
            Page.objects.bulk_create(pages)
            for page, case in zip(pages, cases, strict=True):
                case.page_ptr_id = page.pk
            batch_size = max(1, connection.ops.bulk_batch_size(case_fields, cases))
            for start in range(0, len(cases), batch_size):
                CasePage._base_manager._insert(cases[start : start + batch_size], fields=case_fields)
            CaseCategory.objects.bulk_create(
                CaseCategory(
                    page_id=page.pk,
                    category=categories[path],
                    locale_id=page.locale_id,
                    translation_key=uuid.uuid5(page.translation_key, path[1]),
                    sort_order=order,
                )
                for page, paths in zip(pages, rows, strict=True)
                for order, path in enumerate(paths)
            )
            written += len(batch)
        for code, library in libraries.items():
            Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + next_step[code] - library.numchild - 1)
    elapsed = time.perf_counter() - started
    return written * 2, elapsed


def query_pool():
    """Varied queries with their locales: the judged queries and place names in both languages."""
    from make_relevance_corpus import CITIES

    judged = json.loads((DATA_DIR / "relevance-queries.json").read_text(encoding="utf-8"))
    pool = [(query["query"], query["locale"]) for query in judged]
    pool += [(city[3], "uk") for city in CITIES] + [(city[6], "en") for city in CITIES]
    return pool


def prefixes(pool):
    """What a visitor has typed so far: the first three to six letters of each query."""
    rng = random.Random(SEED)
    return [(text[: rng.randint(3, 6)], locale) for text, locale in pool]


def time_requests(client, path, pool, count):
    """Times (ms) of ``count`` GET requests cycling through ``pool``, and the number of non-200 answers."""
    for text, locale in pool[:WARM_UP]:
        client.get(path, {"q": text, "locale": locale})
    durations, failures = [], 0
    for number in range(count):
        text, locale = pool[number % len(pool)]
        started = time.perf_counter()
        response = client.get(path, {"q": text, "locale": locale})
        durations.append((time.perf_counter() - started) * 1000)
        failures += response.status_code != 200
        if (number + 1) % PROGRESS_EVERY == 0:
            print(f"  {path}: {number + 1}/{count} requests", file=sys.stderr, flush=True)
    return durations, failures


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000, help="case pages to build (half in each language)")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint and backend")
    parser.add_argument("--backends", nargs="*", help="search backends to time (default: every configured one)")
    parser.add_argument(
        "--compare",
        nargs="*",
        default=[],
        metavar="NAME=MODULE",
        help="also time these backend modules over the same database index, e.g. "
        "modelsearch=wagtail.search.backends.database (the unranked path search.database replaces)",
    )
    arguments = parser.parse_args()
    if arguments.pages < 2 or arguments.requests < 1:
        parser.error("--pages must be at least 2 and --requests at least 1")
    if any("=" not in item for item in arguments.compare):
        parser.error("--compare takes NAME=MODULE")
    with bench_environment() as workdir:
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client, override_settings

        site_tree()
        seed_libraries(Path(workdir))
        built, elapsed = build_pages(arguments.pages)
        print(f"pages: {built} case pages built in {elapsed:.1f} s ({built / elapsed:.0f} pages/s)")
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        print(f"full reindex (update_index): {time.perf_counter() - started:.1f} s")

        pool = query_pool()
        random.Random(SEED).shuffle(pool)
        rows = []
        backends = {
            name: options
            for name, options in settings.WAGTAILSEARCH_BACKENDS.items()
            if not arguments.backends or name in arguments.backends
        }
        for item in arguments.compare:
            name, module = item.split("=", 1)
            backends[name] = {"BACKEND": module}
        for name, options in backends.items():
            # The backend under test as the only one, so the service can neither choose nor fall back.
            # Counting the queries is queued, not run, as the Celery workers run it in production.
            with override_settings(
                WAGTAILSEARCH_BACKENDS={"default": options},
                ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"],
                TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
            ):
                client = Client()
                for endpoint, queries in (("/api/v2/search/", pool), ("/api/v2/search/suggest/", prefixes(pool))):
                    durations, failures = time_requests(client, endpoint, queries, arguments.requests)
                    rows.append(
                        [
                            name,
                            endpoint,
                            len(durations),
                            f"{statistics.median(durations):.1f}",
                            f"{percentile(durations, 0.95):.1f}",
                            f"{max(durations):.1f}",
                            failures,
                        ]
                    )
        print()
        print(format_table(["backend", "endpoint", "requests", "p50 ms", "p95 ms", "max ms", "non-200"], rows, 2))


if __name__ == "__main__":
    main()
