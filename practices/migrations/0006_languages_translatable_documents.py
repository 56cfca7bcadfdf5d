"""Case documents are translated with their page: a locale, a translation key and a title of their own."""

from django.db import migrations

from home.row_translation import translatable_row_operations


class Migration(migrations.Migration):
    dependencies = [("practices", "0005_number_inline_rows"), ("wagtailcore", "0098_apitoken")]

    operations = translatable_row_operations("practices", "CaseDocument")
