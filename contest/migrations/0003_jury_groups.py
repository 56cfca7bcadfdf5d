"""The contest's two groups: organisers, with admin access and every contest permission, and experts,
with admin access only (their screens check their own assignments, not model permissions)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EXPERTS_GROUP = "Contest experts"  # as in contest.models.jury, which a migration must not import
ORGANISERS_GROUP = "Contest organisers"


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are made after all migrations; this one needs the contest's now.
    create_permissions(global_apps.get_app_config("contest"), verbosity=0)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    organisers, _created = Group.objects.get_or_create(name=ORGANISERS_GROUP)
    organisers.permissions.add(access_admin, *Permission.objects.filter(content_type__app_label="contest"))
    experts, _created = Group.objects.get_or_create(name=EXPERTS_GROUP)
    experts.permissions.add(access_admin)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EXPERTS_GROUP, ORGANISERS_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contest", "0002_participants_entry_unsaved"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
