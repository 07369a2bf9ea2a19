"""The three editorial roles as groups: Publisher, Editor, Taxonomy manager.

Each group gets exactly the permissions below (running it again resets them); reversing it
deletes the groups. Which structures a publisher publishes for is set per user, with
structures.Membership. A user also needs "staff status" to log in to the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TAXONOMY = [
    ("taxonomy", "fieldofwork"),
    ("taxonomy", "meetingseries"),
    ("taxonomy", "country"),
    ("taxonomy", "chairpersonship"),
    ("structures", "structure"),
    ("structures", "formername"),
    ("news", "tag"),
]


def crud(app_label, model, actions=("add", "change", "delete", "view")):
    return [(app_label, f"{action}_{model}") for action in actions]


def viewing(models):
    return [(app_label, f"view_{model}") for app_label, model in models]


ROLES = {
    # Writes news for their structures and submits it; deletes only drafts (enforced in
    # news.services.can_delete), publishes nothing.
    "Publisher": [
        *crud("news", "newsitem"),
        *crud("news", "attachment"),
        ("news", "add_tag"),
        *viewing(TAXONOMY),
    ],
    # Reviews, publishes, schedules and withdraws anyone's news.
    "Editor": [
        *crud("news", "newsitem"),
        ("news", "publish_newsitem"),
        ("news", "edit_any_newsitem"),
        *crud("news", "attachment"),
        ("news", "add_tag"),
        ("news", "change_tag"),
        *viewing(TAXONOMY),
    ],
    # Keeps the vocabularies right; no access to news items.
    "Taxonomy manager": [
        permission for app_label, model in TAXONOMY for permission in crud(app_label, model)
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are otherwise created after all migrations have run: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLES.items():
        permissions = []
        for app_label, codename in wanted:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0003_search_vector_and_list_indexes"),
        ("structures", "0002_publisher_membership"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
