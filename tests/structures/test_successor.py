"""A closed structure names the one its work continues with: on its page, in the API, in the
admin; only a closed structure may, and never itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_with_successor():
    successor = StructureFactory(name="Mission to Moldova", slug="mission-to-moldova")
    closed = StructureFactory(
        name="Special Monitoring Mission to Ukraine",
        slug="special-monitoring-mission-to-ukraine",
        is_active=False,
        closed_on=datetime.date(2022, 3, 31),
        successor=successor,
    )
    return closed, successor


def test_closed_structure_page_says_where_its_work_continues_and_links_there(
    client, closed_with_successor
):
    closed, successor = closed_with_successor
    response = client.get(closed.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "Closed on 31 March 2022; its work continues with "
        f'<a href="{successor.get_absolute_url()}">Mission to Moldova</a>.' in text
    )


def test_closed_structure_without_closing_date_still_names_its_successor(client):
    successor = StructureFactory(name="Programme Office in Astana")
    closed = StructureFactory(name="Centre in Astana", is_active=False, successor=successor)
    text = client.get(closed.get_absolute_url()).content.decode()
    assert (
        "This structure has closed; its work continues with "
        f'<a href="{successor.get_absolute_url()}">Programme Office in Astana</a>.' in text
    )


def test_closed_structure_without_successor_says_only_that_it_closed(client):
    closed = StructureFactory(is_active=False, closed_on=datetime.date(2022, 3, 31))
    text = client.get(closed.get_absolute_url()).content.decode()
    assert "Closed on 31 March 2022." in text
    assert "its work continues" not in text


def test_the_successor_page_does_not_claim_a_successor(client, closed_with_successor):
    _closed, successor = closed_with_successor
    text = client.get(successor.get_absolute_url()).content.decode()
    assert "its work continues" not in text


def test_an_active_structure_cannot_name_a_successor():
    other = StructureFactory()
    active = StructureFactory.build(successor=other, slug="active-one")
    with pytest.raises(ValidationError, match="Only a closed structure has a successor"):
        active.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        active.save()


def test_a_structure_cannot_be_its_own_successor():
    closed = StructureFactory(is_active=False)
    closed.successor = closed
    with pytest.raises(ValidationError, match="cannot be its own successor"):
        closed.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        closed.save()


def test_deleting_the_successor_leaves_the_closed_structure_without_one(closed_with_successor):
    closed, successor = closed_with_successor
    successor.delete()
    closed.refresh_from_db()
    assert closed.successor is None


def test_api_structures_show_the_successor_slug(client, closed_with_successor):
    closed, successor = closed_with_successor
    response = client.get(reverse("api:structure-list"))
    assert response.status_code == 200
    by_slug = {entry["slug"]: entry for entry in response.json()["results"]}
    assert by_slug[closed.slug]["successor"] == successor.slug
    assert by_slug[successor.slug]["successor"] is None


def test_admin_sets_the_successor_of_a_closed_structure(admin_client, closed_with_successor):
    closed, _successor = closed_with_successor
    replacement = StructureFactory(name="Mission to Serbia", slug="mission-to-serbia")
    url = reverse("admin:structures_structure_change", args=[closed.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="successor"' in page.content.decode()
    data = {
        "name": closed.name,
        "acronym": "",
        "slug": closed.slug,
        "kind": closed.kind,
        "order": 0,
        "website": "",
        "city": "",
        "description": "",
        "closed_on": "2022-03-31",
        "successor": replacement.pk,
        "former_names-TOTAL_FORMS": 0,
        "former_names-INITIAL_FORMS": 0,
        "memberships-TOTAL_FORMS": 0,
        "memberships-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    closed.refresh_from_db()
    assert closed.successor == replacement


def test_admin_refuses_a_successor_for_an_active_structure(admin_client):
    active = StructureFactory(name="Mission to Montenegro", slug="mission-to-montenegro")
    other = StructureFactory()
    url = reverse("admin:structures_structure_change", args=[active.pk])
    data = {
        "name": active.name,
        "acronym": "",
        "slug": active.slug,
        "kind": active.kind,
        "order": 0,
        "is_active": "on",
        "successor": other.pk,
        "former_names-TOTAL_FORMS": 0,
        "former_names-INITIAL_FORMS": 0,
        "memberships-TOTAL_FORMS": 0,
        "memberships-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Only a closed structure has a successor." in response.content.decode()
    active.refresh_from_db()
    assert active.successor is None
