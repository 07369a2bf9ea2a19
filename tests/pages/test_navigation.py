"""The header's menus (/menus/, osce_cms/navigation.py) and the field operations' page."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db

MENUS = ("menu-fields", "menu-meetings", "menu-countries", "menu-structures")


@pytest.fixture
def taxonomy():
    """The organisation's real taxonomy (taxonomy/reference.py, structures/reference.py)."""
    call_command("load_taxonomy", verbosity=0)


def panel(html, menu_id):
    """The panel `menu_id` of the menus' fragment."""
    start = html.index(f'id="{menu_id}"')
    end = html.find('<div class="nav-panel"', start)
    return html[start : end if end != -1 else None]


def links(fragment):
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', fragment)


def test_header_items_are_links_to_each_index_with_the_menu_they_open(client):
    html = client.get("/en/").text
    for menu, index in zip(
        MENUS,
        ["/en/fields-of-work/", "/en/meetings/", "/en/countries/", "/en/structures/"],
        strict=True,
    ):
        assert re.search(rf'<a class="nav-link" href="{index}" data-menu="{menu}"', html)
    assert 'data-menus="/en/menus/"' in html
    assert '<script src="/static/js/menu.js' in html and " defer>" in html
    # Without JavaScript, "Menu" on a phone leads to the footer's links.
    assert '<a class="menu-toggle" href="#footer-nav"' in html
    assert 'id="footer-nav"' in html


def test_menus_offer_the_real_taxonomy(client, taxonomy):
    html = client.get("/en/menus/").text
    for menu in MENUS:
        assert f'<div class="nav-panel" id="{menu}" hidden>' in html

    fields = [name for _url, name in links(panel(html, "menu-fields"))]
    assert fields[:23] == list(FieldOfWork.objects.values_list("name", flat=True))[:23]
    assert len(fields) == 23 + 2  # and "All fields of work", "Field operations"

    meetings = [name for _url, name in links(panel(html, "menu-meetings"))]
    assert meetings[:16] == list(MeetingSeries.objects.values_list("name", flat=True))
    assert meetings[16] == "Partnerships"
    assert ("/en/countries/#group-asian-partner", "Partnerships") in links(
        panel(html, "menu-meetings")
    )

    countries = panel(html, "menu-countries")
    for heading in (
        "Participating States",
        "Asian Partners for Co-operation",
        "Mediterranean Partners for Co-operation",
    ):
        assert heading in countries
    assert len(links(countries)) == Country.objects.count() + 1
    assert ("/en/countries/switzerland/", "Switzerland") in links(countries)
    assert ("/en/countries/japan/", "Japan") in links(countries)

    structures = links(panel(html, "menu-structures"))
    names = [name for _url, name in structures]
    for name in (
        "Secretariat",
        "Conflict Prevention Centre",
        "Office for Democratic Institutions and Human Rights",
        "Parliamentary Assembly",
        "Court of Conciliation and Arbitration",
        "Mission to Serbia",
    ):
        assert name in names
    assert ("/en/field-operations/", "Field operations") in structures
    # Closed field activities keep their pages, not a place in the menu.
    assert "Mission to Estonia" not in names


def test_menus_leave_out_retired_terms_and_closed_structures(client):
    FieldOfWorkFactory(name="Current field")
    FieldOfWorkFactory(name="Retired field", is_retired=True)
    MeetingSeriesFactory(name="Retired series", is_retired=True)
    CountryFactory(name="Retired country", is_retired=True)
    group = StructureFactory(name="Offices", kind=Structure.Kind.GROUP)
    StructureFactory(name="Open office", parent=group)
    StructureFactory(
        name="Closed office", parent=group, is_active=False, closed_on=datetime.date(2001, 1, 1)
    )
    html = client.get("/en/menus/").text
    assert "Current field" in html and "Open office" in html
    for hidden in ("Retired field", "Retired series", "Retired country", "Closed office"):
        assert hidden not in html


def test_menus_follow_a_change_of_the_taxonomy(client):
    FieldOfWorkFactory(name="Arms control")
    assert "Arms control" in client.get("/en/menus/").text
    FieldOfWorkFactory(name="Youth")
    assert "Youth" in client.get("/en/menus/").text


def test_menus_are_read_once_per_publication_state_and_answer_304(client):
    FieldOfWorkFactory.create_batch(5)
    CountryFactory.create_batch(5)
    with CaptureQueriesContext(connection) as first:
        response = client.get("/en/menus/")
    assert len(first) == 4  # fields, meetings, countries, structures
    assert response["X-Robots-Tag"] == "noindex"
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    again = client.get("/en/menus/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_pages_read_nothing_more_for_the_menus(client):
    FieldOfWorkFactory.create_batch(30)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/fields-of-work/")
    FieldOfWorkFactory.create_batch(30)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/en/fields-of-work/").text
    assert len(many) == len(few)
    assert "nav-panel" not in html  # the panels come from /menus/


def test_field_operations_page_lists_them_with_their_hosts_and_closed_ones(client, taxonomy):
    response = client.get("/en/field-operations/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Field operations</h1>" in html
    assert (
        '<a class="entry-title" href="/en/structures/mission-to-serbia/">Mission to Serbia</a>'
        in html
    )
    assert "Belgrade, Serbia" in html
    active, closed = html.split('id="closed-heading"')
    assert "Mission to Estonia" in closed and "Mission to Estonia" not in active
    assert "closed on 31 December 2001" in closed
    assert not response.cookies


def test_field_operations_page_is_reached_from_the_footer_and_the_menu(client, taxonomy):
    assert 'href="/en/field-operations/"' in client.get("/en/").text
    assert 'href="/en/field-operations/"' in client.get("/en/menus/").text


def test_field_operations_page_reads_one_query(client, taxonomy):
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/field-operations/")
    assert len(captured) == 1


def test_header_marks_the_section_of_the_page_and_no_other(client, taxonomy):
    current = re.compile(r'<a class="nav-link" href="([^"]+)"[^>]*aria-current="(page|true)"')
    assert current.findall(client.get("/en/field-operations/").text) == [
        ("/en/structures/", "true")
    ]
    assert current.findall(client.get("/en/fields-of-work/").text) == [
        ("/en/fields-of-work/", "page")
    ]
    assert current.findall(client.get("/en/countries/albania/").text) == [
        ("/en/countries/", "true")
    ]
