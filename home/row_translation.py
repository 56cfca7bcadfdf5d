"""Migration support: make inline rows of pages translatable rows (wagtail-localize), keeping their data.

A row made translatable needs a locale and a translation key shared with the same row on the page's
translations. Until then each translation of a page held its own copy of the rows, synchronised in the
same order, so the rows at one position of pages sharing a translation key become translations of
each other. Used by the migrations of the apps that attach documents to pages.
"""

import uuid
from itertools import groupby

from django.db import migrations, models


def fill_translation_keys(app_label, model_name):
    """A RunPython operation that gives every row of ``app_label.model_name`` its page's locale, a key, and
    its document's title as its own (what translators then translate)."""

    def fill(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        rows = model.objects.select_related("page", "document").order_by("page_id", "sort_order", "pk")
        keys, changed = {}, []
        for _page, page_rows in groupby(rows, key=lambda row: row.page_id):
            for position, row in enumerate(page_rows):
                row.locale_id = row.page.locale_id
                row.title = row.title or row.document.title[:255]
                row.translation_key = keys.setdefault((row.page.translation_key, position), uuid.uuid4())
                changed.append(row)
        model.objects.bulk_update(changed, ["locale", "translation_key", "title"], batch_size=500)

    return migrations.RunPython(fill, migrations.RunPython.noop)


def translatable_row_operations(app_label, model_name):
    """The operations that turn a row model into a translatable row with a title of its own."""
    name = model_name.lower()
    locale = {"editable": False, "on_delete": models.PROTECT, "related_name": "+", "to": "wagtailcore.locale"}
    return [
        migrations.AddField(name, "translation_key", models.UUIDField(null=True, editable=False)),
        migrations.AddField(name, "locale", models.ForeignKey(null=True, verbose_name="locale", **locale)),
        migrations.AddField(
            name,
            "title",
            models.CharField(
                blank=True,
                help_text="The link's text; left blank, it is the document's own title.",
                max_length=255,
                verbose_name="title",
            ),
        ),
        fill_translation_keys(app_label, model_name),
        migrations.AlterField(name, "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterField(name, "locale", models.ForeignKey(verbose_name="locale", **locale)),
        migrations.AlterUniqueTogether(name, {("translation_key", "locale")}),
    ]
