"""Load the regions and the default classifier shipped in ``practices/data/``.

Used by the data migration that pre-fills a new database, with the migration's historical models.
Loading is idempotent: existing rows are matched by code or slug and left as editors made them.
"""

import csv
import json
import uuid
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
CLASSIFIER_NAMESPACE = uuid.UUID("0b6a3f0e-6a55-4c1e-9d5f-2f7c9a1d4e21")


def load_regions(Region):
    with (DATA_DIR / "regions.csv").open(encoding="utf-8", newline="") as regions:
        for row in csv.DictReader(regions):
            Region.objects.get_or_create(
                code=row["code"], defaults={"name_uk": row["name_uk"], "name_en": row["name_en"], "kind": row["kind"]}
            )


def load_classifier(Category, Locale, languages):
    """Create each category of classifier.json in each language, children under their parent."""
    classifier = json.loads((DATA_DIR / "classifier.json").read_text(encoding="utf-8"))
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages}

    def create(entries, parents, prefix=""):
        for order, entry in enumerate(entries):
            path = prefix + entry["slug"]
            key = uuid.uuid5(CLASSIFIER_NAMESPACE, path)
            created = {}
            for code, locale in locales.items():
                created[code], _new = Category.objects.get_or_create(
                    translation_key=key,
                    locale=locale,
                    defaults={
                        "name": entry.get(code) or entry["uk"],
                        "slug": entry["slug"],
                        "parent": parents.get(code),
                        "sort_order": order,
                    },
                )
            create(entry.get("children", []), created, prefix=path + "/")

    create(classifier["categories"], {})
