"""The structures changelist shows the tree, and the admin refuses to make it circular."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from structures.models import Structure
from tests.factories import StructureFactory

CHANGELIST_URL = reverse("admin:structures_structure_changelist")

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Sibling order differs from alphabetical order at every level."""
    secretariat = StructureFactory(name="Secretariat", order=1, kind=Structure.Kind.SECRETARIAT)
    chair = StructureFactory(name="Chairpersonship", order=0, kind=Structure.Kind.CHAIRPERSONSHIP)
    field_operations = StructureFactory(name="Field operations", order=2, kind=Structure.Kind.GROUP)
    StructureFactory(name="Transnational Threats Department", parent=secretariat, order=0)
    cpc = StructureFactory(name="Conflict Prevention Centre", parent=secretariat, order=1)
    StructureFactory(name="Operations Service", parent=cpc)
    StructureFactory(name="Mission to Serbia", parent=field_operations, order=0)
    StructureFactory(name="Centre in Ashgabat", parent=field_operations, order=1)
    return {"secretariat": secretariat, "chair": chair, "cpc": cpc}


def rows(response):
    """(name, depth) of each changelist row, in the order shown."""
    return [
        (name, int(depth))
        for depth, name in re.findall(
            r'<span data-depth="(\d+)" style="padding-inline-start: \d+em">([^<]+)</span>',
            response.content.decode(),
        )
    ]


def test_changelist_shows_children_indented_under_their_parent(superuser_client, tree):
    response = superuser_client.get(CHANGELIST_URL)

    assert response.status_code == 200
    assert rows(response) == [
        ("Chairpersonship", 0),
        ("Secretariat", 0),
        ("Transnational Threats Department", 1),
        ("Conflict Prevention Centre", 1),
        ("Operations Service", 2),
        ("Field operations", 0),
        ("Mission to Serbia", 1),
        ("Centre in Ashgabat", 1),
    ]


def test_a_filtered_changelist_keeps_tree_order_and_depth(superuser_client, tree):
    response = superuser_client.get(CHANGELIST_URL, {"kind": Structure.Kind.FIELD_OPERATION})

    assert rows(response) == [
        ("Transnational Threats Department", 1),
        ("Conflict Prevention Centre", 1),
        ("Operations Service", 2),
        ("Mission to Serbia", 1),
        ("Centre in Ashgabat", 1),
    ]


def test_tree_changelist_queries_do_not_grow_with_the_tree(
    superuser_client, tree, django_assert_max_num_queries
):
    with django_assert_max_num_queries(50) as small:
        superuser_client.get(CHANGELIST_URL)
    for index in range(20):
        StructureFactory(parent=tree["cpc"] if index % 2 else tree["secretariat"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = superuser_client.get(CHANGELIST_URL)
    assert len(rows(response)) == 28


def change_data(structure, **values):
    data = {
        "name": structure.name,
        "acronym": structure.acronym,
        "slug": structure.slug,
        "kind": structure.kind,
        "parent": structure.parent_id or "",
        "order": structure.order,
        "host_country": "",
        "city": "",
        "website": "",
        "description": "",
        "is_active": "on",
        "closed_on": "",
        "former_names-TOTAL_FORMS": "0",
        "former_names-INITIAL_FORMS": "0",
        "former_names-MIN_NUM_FORMS": "0",
        "former_names-MAX_NUM_FORMS": "1000",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(values)
    return data


@pytest.mark.parametrize("new_parent", ["secretariat", "cpc"])
def test_a_circular_parent_is_refused_as_a_form_error(superuser_client, tree, new_parent):
    secretariat = tree["secretariat"]

    response = superuser_client.post(
        reverse("admin:structures_structure_change", args=[secretariat.pk]),
        change_data(secretariat, parent=tree[new_parent].pk),
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["parent"]
    assert any("would make the tree circular" in error for error in errors)
    secretariat.refresh_from_db()
    assert secretariat.parent is None


def test_moving_a_structure_under_another_branch_is_saved(superuser_client, tree):
    cpc = tree["cpc"]

    response = superuser_client.post(
        reverse("admin:structures_structure_change", args=[cpc.pk]),
        change_data(cpc, parent=tree["chair"].pk),
    )

    assert response.status_code == 302
    cpc.refresh_from_db()
    assert cpc.parent == tree["chair"]


def test_renaming_a_structure_records_its_former_name(superuser_client):
    office = StructureFactory(name="Programme Office in Nur-Sultan", acronym="POiN")

    response = superuser_client.post(
        reverse("admin:structures_structure_change", args=[office.pk]),
        change_data(office, name="Programme Office in Astana", acronym="POiA"),
    )

    assert response.status_code == 302
    office.refresh_from_db()
    assert (office.name, office.acronym) == ("Programme Office in Astana", "POiA")
    former = office.former_names.get()
    assert (former.name, former.acronym, former.used_until) == (
        "Programme Office in Nur-Sultan",
        "POiN",
        timezone.localdate(),
    )


def test_saving_a_structure_without_renaming_it_in_the_admin_records_no_former_name(
    superuser_client,
):
    office = StructureFactory(name="Mission to Serbia")

    superuser_client.post(
        reverse("admin:structures_structure_change", args=[office.pk]),
        change_data(office, city="Belgrade"),
    )

    assert not office.former_names.exists()
