"""Number the inline rows the importer saved without a position, in the order they were written.

Rows with no ``sort_order`` come back from PostgreSQL in any order; the importer numbers them now
(practices/interchange.py, ``in_order``), and this numbers those it wrote before.
"""

from django.db import migrations

ROW_MODELS = ("CaseCategory", "CaseIndicator", "CaseLink", "CaseAdoption")


def number_rows(apps, schema_editor):
    for name in ROW_MODELS:
        model = apps.get_model("practices", name)
        pages = model.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True).distinct()
        for page_id in list(pages):
            rows = list(model.objects.filter(page_id=page_id).order_by("sort_order", "pk"))
            for position, row in enumerate(rows):
                row.sort_order = position
            model.objects.bulk_update(rows, ["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("practices", "0004_case_editor_names")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop)]
