"""Pre-fill the regions and the default classifier, in every content language."""

from django.conf import settings
from django.db import migrations

from practices.reference_data import load_classifier, load_regions


def load(apps, schema_editor):
    load_regions(apps.get_model("practices", "Region"))
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    load_classifier(apps.get_model("practices", "Category"), apps.get_model("wagtailcore", "Locale"), languages)


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
