"""Publishers and editors use the image library (news/migrations/0004_roles.py made the roles).

Publishers add images and change their own (library/admin.py); editors also delete. Running it
again adds the same permissions; reversing it removes them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Publisher": ["add_image", "change_image", "view_image"],
    "Editor": ["add_image", "change_image", "delete_image", "view_image"],
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="library", codename__in=codenames)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("library")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("news", "0004_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
