"""The roles the migration creates, and what each may do in the admin beyond news."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from news.models import NewsItem
from structures.models import Membership
from taxonomy.models import FieldOfWork
from tests.factories import NewsItemFactory, StructureFactory
from tests.workflow.admin_posts import CHANGELIST_URL, bulk, change_url, news_form

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Publisher",
        "Editor",
        "Taxonomy manager",
    }


def test_only_editors_may_publish_and_edit_any_structures_news():
    assert {"publish_newsitem", "edit_any_newsitem"} <= codenames("Editor")
    assert not {"publish_newsitem", "edit_any_newsitem"} & codenames("Publisher")
    assert not {"publish_newsitem", "edit_any_newsitem"} & codenames("Taxonomy manager")


def test_publishers_write_news_and_only_look_at_the_taxonomy():
    publisher = codenames("Publisher")

    assert {"add_newsitem", "change_newsitem", "view_structure", "view_fieldofwork"} <= publisher
    assert not {"change_structure", "change_fieldofwork", "delete_country"} & publisher


def test_taxonomy_managers_keep_the_vocabularies_and_have_no_news_rights():
    manager = codenames("Taxonomy manager")

    for model in ["fieldofwork", "country", "meetingseries", "structure", "tag"]:
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= manager
    assert not {c for c in manager if c.endswith("newsitem")}


@pytest.mark.parametrize("persona", ["taxonomy_manager", "outsider_staff"])
def test_users_without_a_news_role_reach_no_news_page(login, persona, request):
    client = login(request.getfixturevalue(persona))
    item = NewsItemFactory()

    pages = [
        client.get(CHANGELIST_URL),
        client.get(change_url(item)),
        client.get(reverse("admin:news_newsitem_add")),
        client.get(reverse("admin:news_newsitem_scheduled")),
        client.post(change_url(item), news_form(item, status=NewsItem.Status.PUBLISHED)),
        client.post(CHANGELIST_URL, bulk("publish_selected", [item])),
    ]

    assert [page.status_code for page in pages] == [403] * len(pages)
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DRAFT


def test_taxonomy_manager_edits_fields_of_work_and_structures(login, taxonomy_manager):
    client = login(taxonomy_manager)
    structure = StructureFactory(name="Mission to Skopje")

    added = client.post(
        reverse("admin:taxonomy_fieldofwork_add"),
        {"name": "Cyber/ICT security", "slug": "cyber-ict-security", "description": "", "order": 0},
    )
    structure_page = client.get(reverse("admin:structures_structure_change", args=[structure.pk]))

    assert added.status_code == 302
    assert FieldOfWork.objects.filter(slug="cyber-ict-security").exists()
    assert structure_page.status_code == 200
    assert structure_page.context["has_change_permission"] is True


def test_taxonomy_manager_does_not_see_who_publishes_for_a_structure(login, taxonomy_manager):
    structure = StructureFactory()

    page = login(taxonomy_manager).get(
        reverse("admin:structures_structure_change", args=[structure.pk])
    )

    assert "publishers for this structure" not in page.content.decode().lower()


def test_superuser_gives_a_user_a_structure_on_the_users_page(
    login, superuser, publisher_serbia, secretariat_unit
):
    client = login(superuser)
    url = reverse("admin:auth_user_change", args=[publisher_serbia.pk])
    page = client.get(url)
    [membership] = publisher_serbia.structure_memberships.all()
    data = {
        "username": publisher_serbia.username,
        "first_name": "",
        "last_name": "",
        "email": publisher_serbia.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [group.pk for group in publisher_serbia.groups.all()],
        "user_permissions": [],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "structure_memberships-TOTAL_FORMS": "2",
        "structure_memberships-INITIAL_FORMS": "1",
        "structure_memberships-MIN_NUM_FORMS": "0",
        "structure_memberships-MAX_NUM_FORMS": "1000",
        "structure_memberships-0-id": membership.pk,
        "structure_memberships-0-user": publisher_serbia.pk,
        "structure_memberships-0-structure": membership.structure_id,
        "structure_memberships-1-id": "",
        "structure_memberships-1-user": publisher_serbia.pk,
        "structure_memberships-1-structure": secretariat_unit.pk,
    }

    response = client.post(url, data)

    assert "Publishes news for these structures and those under them" in page.content.decode()
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert set(
        Membership.objects.filter(user=publisher_serbia).values_list("structure__name", flat=True)
    ) == {"Mission to Serbia", "Transnational Threats Department"}
    unit_draft = NewsItemFactory(title="Unit draft", lead_structure=secretariat_unit)
    listed = login(publisher_serbia).get(CHANGELIST_URL).context["cl"].result_list
    assert unit_draft in listed


def test_the_roles_migration_can_run_again_and_be_reversed():
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = import_module("news.migrations.0004_roles")
    # A later migration gives the roles the image library's permissions too.
    library_roles = import_module("library.migrations.0002_roles")
    loader = MigrationExecutor(connection).loader
    state = loader.project_state(("news", "0004_roles"))
    before = {name: codenames(name) for name in migration.ROLES}

    migration.create_roles(state.apps, None)
    library_roles.grant(loader.project_state().apps, None)
    again = {name: codenames(name) for name in migration.ROLES}
    migration.delete_roles(state.apps, None)

    assert again == before
    assert Group.objects.filter(name__in=migration.ROLES).count() == 0
