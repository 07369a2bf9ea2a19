"""/en/news/ filters: each facet alone and combined returns exactly the expected items.

`build_newsroom()` makes a small world with trees of structures and fields of work; the facet
and page tests use it too.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Country
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db


def build_newsroom():
    """Five published items, A to E, over two trees (structures, fields of work)."""
    w = SimpleNamespace()
    w.secretariat = StructureFactory(
        name="Secretariat", slug="secretariat", kind=Structure.Kind.SECRETARIAT
    )
    w.cpc = StructureFactory(
        name="Conflict Prevention Centre", slug="cpc", parent=w.secretariat,
        kind=Structure.Kind.SECRETARIAT_UNIT,
    )
    w.tntd = StructureFactory(
        name="Transnational Threats Department", slug="tntd", parent=w.secretariat,
        kind=Structure.Kind.SECRETARIAT_UNIT,
    )
    w.field_ops = StructureFactory(
        name="Field operations", slug="field-operations", kind=Structure.Kind.GROUP
    )
    w.serbia_mission = StructureFactory(
        name="Mission to Serbia", slug="mission-to-serbia", parent=w.field_ops
    )
    w.moldova_mission = StructureFactory(
        name="Mission to Moldova", slug="mission-to-moldova", parent=w.field_ops
    )
    w.odihr = StructureFactory(
        name="Office for Democratic Institutions and Human Rights", slug="odihr",
        kind=Structure.Kind.INSTITUTION,
    )

    w.media = FieldOfWorkFactory(name="Media freedom and development", slug="media-freedom")
    w.journalists = FieldOfWorkFactory(
        name="Safety of journalists", slug="safety-of-journalists", parent=w.media
    )
    w.elections = FieldOfWorkFactory(name="Elections", slug="elections")
    w.gender = FieldOfWorkFactory(name="Gender equality", slug="gender-equality")

    w.serbia = CountryFactory(name="Serbia", slug="serbia", iso_code="RS")
    w.moldova = CountryFactory(name="Moldova", slug="moldova", iso_code="MD")
    w.japan = CountryFactory(
        name="Japan", slug="japan", iso_code="JP", group=Country.Group.ASIAN_PARTNER
    )
    w.egypt = CountryFactory(
        name="Egypt", slug="egypt", iso_code="EG", group=Country.Group.MEDITERRANEAN_PARTNER
    )

    w.council = MeetingSeriesFactory(name="Ministerial Council", slug="ministerial-council")
    w.review = MeetingSeriesFactory(
        name="Annual Security Review Conference", slug="annual-security-review"
    )
    w.tag_journalists = TagFactory(name="journalists", slug="journalists")
    w.tag_youth = TagFactory(name="youth", slug="youth")

    w.a = PublishedNewsFactory(
        title="Item A", kind=NewsItem.Kind.PRESS_RELEASE, date_issued=datetime.date(2024, 3, 1),
        lead_structure=w.cpc, supporting_structures=[w.tntd],
        fields_of_work=[w.media, w.journalists], countries=[w.serbia],
        tags=[w.tag_journalists],
    )
    w.b = PublishedNewsFactory(
        title="Item B", kind=NewsItem.Kind.NEWS, date_issued=datetime.date(2023, 5, 10),
        lead_structure=w.serbia_mission, supporting_structures=[w.cpc],
        fields_of_work=[w.media, w.elections], countries=[w.serbia, w.japan],
        meeting_series=[w.council],
    )
    w.c = PublishedNewsFactory(
        title="Item C", kind=NewsItem.Kind.STATEMENT, date_issued=datetime.date(2024, 11, 20),
        lead_structure=w.odihr, fields_of_work=[w.elections], countries=[w.moldova],
        meeting_series=[w.review], tags=[w.tag_youth],
    )
    w.d = PublishedNewsFactory(
        title="Item D", kind=NewsItem.Kind.NEWS, date_issued=datetime.date(2022, 1, 15),
        lead_structure=w.secretariat, fields_of_work=[w.gender], countries=[w.egypt],
    )
    w.e = PublishedNewsFactory(
        title="Item E", kind=NewsItem.Kind.SPEECH, date_issued=datetime.date(2024, 6, 30),
        lead_structure=w.moldova_mission, supporting_structures=[w.odihr],
        fields_of_work=[w.elections, w.gender], tags=[w.tag_journalists, w.tag_youth],
    )
    return w


@pytest.fixture
def newsroom():
    return build_newsroom()


def titles(client, query):
    response = client.get(reverse("news:list") + query, follow=True)
    assert response.status_code == 200, response.content.decode()[:2000]
    return {item.title[-1] for item, _snippet in response.context["cards"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "ABCDE"),
        # Field of work: a field includes its sub-topics.
        ("?field=media-freedom", "AB"),
        ("?field=safety-of-journalists", "A"),
        ("?field=elections", "BCE"),
        ("?field=elections&field=gender-equality", "BCDE"),
        # Structure: a structure includes everything under it, lead or supporting issuer.
        ("?structure=secretariat", "ABD"),
        ("?structure=cpc", "AB"),
        ("?structure=tntd", "A"),
        ("?structure=field-operations", "BE"),
        ("?structure=odihr", "CE"),
        ("?structure=tntd&structure=odihr", "ACE"),
        # Country, and groups of countries, are one facet.
        ("?country=serbia", "AB"),
        ("?country=serbia&country=moldova", "ABC"),
        ("?group=participating", "ABC"),
        ("?group=asian-partner", "B"),
        ("?group=mediterranean-partner&country=moldova", "CD"),
        ("?kind=news", "BD"),
        ("?kind=news&kind=statement", "BCD"),
        ("?meeting=ministerial-council", "B"),
        ("?meeting=ministerial-council&meeting=annual-security-review", "BC"),
        ("?tag=journalists", "AE"),
        ("?tag=journalists&tag=youth", "ACE"),
        ("?year=2024", "ACE"),
        ("?year=2021", ""),
        # Date ranges include both ends.
        ("?from=2024-01-01&to=2024-06-30", "AE"),
        ("?from=2024-06-30", "CE"),
        ("?to=2023-05-10", "BD"),
    ],
)
def test_each_facet_alone_gives_exactly_its_items(client, newsroom, query, expected):
    assert titles(client, query) == set(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?field=elections&year=2024", "CE"),
        ("?structure=secretariat&country=serbia", "AB"),
        ("?field=elections&structure=odihr&kind=speech", "E"),
        ("?field=media-freedom&structure=field-operations&country=serbia", "B"),
        ("?field=elections&country=serbia&group=asian-partner", "B"),
        ("?structure=secretariat&kind=news&kind=press-release&year=2024", "A"),
        ("?tag=youth&meeting=annual-security-review&from=2024-11-20&to=2024-11-20", "C"),
        ("?field=gender-equality&structure=secretariat&structure=field-operations", "DE"),
        ("?field=gender-equality&country=serbia", ""),
    ],
)
def test_facets_combine_with_and_choices_within_one_with_or(client, newsroom, query, expected):
    assert titles(client, query) == set(expected)


def test_an_item_matching_through_two_issuers_is_listed_once(client, newsroom):
    # A's lead (CPC) and supporting issuer (TNTD) are both under the Secretariat.
    response = client.get(reverse("news:list") + "?structure=secretariat")

    listed = [item.pk for item, _snippet in response.context["cards"]]
    assert listed.count(newsroom.a.pk) == 1
    assert response.context["paginator"].count == 3


def test_unknown_parameters_are_ignored(client, newsroom):
    assert titles(client, "?utm_source=newsletter&field=elections") == set("BCE")


def test_empty_values_select_nothing(client, newsroom):
    assert titles(client, "?field=&country=&year=&from=&q=") == set("ABCDE")


def test_sort_newest_oldest(client, newsroom):
    newest = client.get(reverse("news:list")).context["cards"]
    oldest = client.get(reverse("news:list") + "?sort=oldest").context["cards"]

    assert [item.title for item, _ in newest] == ["Item C", "Item E", "Item A", "Item B", "Item D"]
    assert [item.title for item, _ in oldest] == ["Item D", "Item B", "Item A", "Item E", "Item C"]


def test_relevance_without_a_search_falls_back_to_newest(client, newsroom):
    response = client.get(reverse("news:list") + "?sort=relevance", follow=True)

    assert response.redirect_chain == [(reverse("news:list"), 301)]
    assert response.status_code == 200
    assert [item.title for item, _ in response.context["cards"]][0] == "Item C"
    assert "Most relevant first" not in response.content.decode()


def test_pagination_keeps_every_filter(client, newsroom, monkeypatch):
    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 2)
    query = "?field=elections&field=gender-equality&sort=oldest"

    first = client.get(reverse("news:list") + query)
    content = first.content.decode()

    assert [item.title for item, _ in first.context["cards"]] == ["Item D", "Item B"]
    next_link = "/en/news/?field=elections&amp;field=gender-equality&amp;sort=oldest&amp;page=2"
    assert f'href="{next_link}" rel="next"' in content
    assert '<span aria-current="page">' in content

    second = client.get(reverse("news:list") + query + "&page=2")
    assert [item.title for item, _ in second.context["cards"]] == ["Item E", "Item C"]
    assert 'rel="prev"' in second.content.decode()
