"""The taxonomy endpoints: fields of work and structures as trees, countries with their groups,
meeting series; their slugs are the news list's filter values."""

import pytest

from structures.models import Structure
from taxonomy.models import Country
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    FormerNameFactory,
    MeetingSeriesFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def results(client, path):
    response = client.get(path)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == len(data["results"])
    return data


def test_structures_come_as_a_tree_with_kinds_and_former_names(client):
    secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", kind=Structure.Kind.SECRETARIAT
    )
    cpc = StructureFactory(
        name="Conflict Prevention Centre",
        slug="cpc",
        acronym="CPC",
        kind=Structure.Kind.SECRETARIAT_UNIT,
        parent=secretariat,
    )
    FormerNameFactory(structure=cpc, name="Old Centre", acronym="OC")
    kosovo = CountryFactory(slug="kosovo", name="Kosovo")
    StructureFactory(
        name="Mission in Kosovo",
        slug="mission-in-kosovo",
        host_country=kosovo,
        city="Pristina",
        is_active=False,
        closed_on="2024-01-01",
    )

    data = results(client, "/api/v1/structures/")
    by_slug = {structure["slug"]: structure for structure in data["results"]}

    assert by_slug["secretariat"]["children"] == ["cpc"]
    assert by_slug["secretariat"]["depth"] == 0
    assert by_slug["cpc"]["parent"] == "secretariat"
    assert by_slug["cpc"]["depth"] == 1
    assert by_slug["cpc"]["kind"] == "secretariat-unit"
    assert by_slug["cpc"]["former_names"] == [
        {"name": "Old Centre", "acronym": "OC", "used_until": "2020-12-31"}
    ]
    mission = by_slug["mission-in-kosovo"]
    assert (mission["host_country"], mission["city"]) == ("kosovo", "Pristina")
    assert (mission["is_active"], mission["closed_on"]) == (False, "2024-01-01")
    order = [structure["slug"] for structure in data["results"]]
    assert order.index("secretariat") < order.index("cpc")


def test_fields_of_work_come_as_a_tree(client):
    security = FieldOfWorkFactory(name="Security", slug="security")
    FieldOfWorkFactory(name="Policing", slug="policing", parent=security)

    data = results(client, "/api/v1/fields-of-work/")

    assert [(f["slug"], f["parent"], f["depth"]) for f in data["results"]] == [
        ("security", None, 0),
        ("policing", "security", 1),
    ]
    assert data["results"][1]["url"] == "http://testserver/en/fields-of-work/policing/"


def test_countries_come_with_their_groups(client):
    CountryFactory(name="Austria", slug="austria", group=Country.Group.PARTICIPATING_STATE)
    CountryFactory(name="Japan", slug="japan", group=Country.Group.ASIAN_PARTNER)

    data = results(client, "/api/v1/countries/")
    groups = {group["value"]: group for group in data["groups"]}

    assert {c["slug"]: c["group"] for c in data["results"]} == {
        "austria": "participating",
        "japan": "asian-partner",
    }
    assert groups["participating"]["countries"] == ["austria"]
    assert groups["asian-partner"]["countries"] == ["japan"]
    assert groups["mediterranean-partner"]["countries"] == []
    assert groups["asian-partner"]["label"] == "Asian Partners for Co-operation"


def test_meeting_series_are_listed(client):
    MeetingSeriesFactory(name="Ministerial Council", slug="ministerial-council")

    data = results(client, "/api/v1/meetings/")

    assert [m["slug"] for m in data["results"]] == ["ministerial-council"]


def test_a_term_slug_filters_the_news_list(client, world):
    field = results(client, "/api/v1/fields-of-work/")["results"][0]["slug"]

    response = client.get(f"/api/v1/news/?field={field}")

    assert response.status_code == 200
    assert response.json()["count"] > 0


@pytest.mark.parametrize(
    "path", ["/api/v1/structures/", "/api/v1/countries/", "/api/v1/fields-of-work/"]
)
def test_taxonomy_lists_take_no_parameters(client, path):
    response = client.get(f"{path}?page=2")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["page"]


def test_a_taxonomy_change_changes_the_etag(client):
    StructureFactory(slug="one")
    etag = client.get("/api/v1/structures/")["ETag"]

    StructureFactory(slug="two")

    assert client.get("/api/v1/structures/", headers={"If-None-Match": etag}).status_code == 200
