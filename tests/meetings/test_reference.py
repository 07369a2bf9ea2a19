"""load_taxonomy loads the reference meetings under their series, idempotently."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from meetings.models import Meeting

pytestmark = pytest.mark.django_db

COUNCIL_CITIES = {
    2014: "Basel",
    2015: "Belgrade",
    2016: "Hamburg",
    2017: "Vienna",
    2018: "Milan",
    2019: "Bratislava",
    2020: "Tirana",
    2021: "Stockholm",
    2022: "Łódź",
    2023: "Skopje",
    2024: "Valletta",
    2025: "Vienna",
}


def load():
    out = StringIO()
    call_command("load_taxonomy", stdout=out)
    return out.getvalue()


def test_load_taxonomy_loads_the_ministerial_councils_and_the_astana_summit(client):
    output = load()
    assert "Meetings: 13 created, 0 updated, 0 unchanged" in output
    councils = Meeting.objects.filter(series__slug="ministerial-council-meetings")
    assert {m.start_date.year: m.city for m in councils} == COUNCIL_CITIES
    assert councils.get(city="Tirana").online
    summit = Meeting.objects.get(series__slug="summit-meetings")
    assert (summit.city, summit.country.name, summit.start_date) == (
        "Astana",
        "Kazakhstan",
        datetime.date(2010, 12, 1),
    )
    page = client.get("/en/meetings/ministerial-council-meetings/lodz-2022/")
    assert page.status_code == 200
    assert "Łódź, Poland" in page.content.decode()


def test_loading_again_changes_nothing_and_restores_edited_reference_fields():
    load()
    Meeting.objects.filter(slug="milan-2018").update(city="Rome")
    output = load()
    assert "Meetings: 0 created, 1 updated, 12 unchanged" in output
    assert Meeting.objects.get(slug="milan-2018").city == "Milan"
    assert "Meetings: 0 created, 0 updated, 13 unchanged" in load()
