"""Names Wagtail's own migrations give in English to records editors see: the root of the page tree
and the default moderation workflow («Надіслати на розгляд: Moderators approval»). Records already
renamed by the site's administrators are left alone."""

from django.db import migrations

# (model, the fields to rename, Wagtail's name, the Ukrainian name)
RENAMES = [
    ("Page", ("title", "draft_title"), "Root", "Корінь"),
    ("Workflow", ("name",), "Moderators approval", "Погодження модераторами"),
    ("Task", ("name",), "Moderators approval", "Погодження модераторами"),
]


def rename_records(apps, old, new):
    for model_name, fields, english, ukrainian in RENAMES:
        model = apps.get_model("wagtailcore", model_name)
        names = {"english": english, "ukrainian": ukrainian}
        records = model.objects.filter(**{fields[0]: names[old]})
        if model_name == "Page":
            records = records.filter(depth=1)
        records.update(**dict.fromkeys(fields, names[new]))


def rename(apps, schema_editor):
    rename_records(apps, "english", "ukrainian")


def restore(apps, schema_editor):
    rename_records(apps, "ukrainian", "english")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_video_poster"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, restore)]
