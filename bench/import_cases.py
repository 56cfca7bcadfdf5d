"""Import benchmark: generated cases in both languages, imported into a fresh SQLite database.

    .venv/bin/python bench/import_cases.py [--cases 10000]

Prints records per second and the process's peak resident memory for the import of the whole file,
and for a file a tenth of the size in a separate process, so the two can be compared: memory that
does not grow with the file gives about the same peak for both.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["e-services/e-queue", "e-democracy/e-petitions", "openness/open-data", "digital-skills"]
REGIONS = ["UA-05", "UA-46", "UA-48", "UA-53", "UA-63", "UA-30"]


def write_cases(path, count):
    """``count`` records: half as many keys, each in Ukrainian and English."""
    rng = random.Random(2013)
    with path.open("w", encoding="utf-8") as file:
        for number in range(count // 2):
            common = {
                "key": f"bench-case-{number:06d}",
                "region": rng.choice(REGIONS),
                "level": "city",
                "year": rng.randint(2005, 2025),
                "categories": rng.sample(CATEGORIES, 2),
                "tags": ["бенчмарк"],
                "indicators": [{"label": "Показник", "value": str(number)}],
            }
            for locale, title in (("uk", "Практика"), ("en", "Practice")):
                record = {
                    **common,
                    "locale": locale,
                    "title": f"{title} {number}",
                    "summary": f"{title} {number}. " * 10,
                }
                file.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_import(count):
    """Import ``count`` generated records in this process and print one line of figures."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ["VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "depository.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from home.demo import load_demo_pages
    from practices.interchange import import_cases

    call_command("migrate", verbosity=0)
    load_demo_pages()
    cases_file = workdir / "cases.jsonl"
    write_cases(cases_file, count)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    summary = import_cases(cases_file)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert summary.created == count, summary
    print(
        f"{count} records: {elapsed:.1f} s, {count / elapsed:.1f} records/s, "
        f"peak RSS {peak / 1024:.0f} MiB (before the import {before / 1024:.0f} MiB)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.in_process:
        run_import(arguments.cases)
        return
    for count in (arguments.cases // 10, arguments.cases):
        subprocess.run([sys.executable, __file__, "--cases", str(count), "--in-process"], check=True)


if __name__ == "__main__":
    main()
