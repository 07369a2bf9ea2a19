"""Drafts, items in review, scheduled and withdrawn items never appear in the list, its counts,
its search or its feeds."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
    hidden_news,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    parent = StructureFactory(slug="secretariat")
    unit = StructureFactory(slug="unit", parent=parent)
    taxonomy = {
        "lead_structure": unit,
        "fields_of_work": [FieldOfWorkFactory(slug="elections")],
        "countries": [CountryFactory(slug="serbia")],
        "meeting_series": [MeetingSeriesFactory(slug="council")],
        "tags": [TagFactory(slug="youth")],
        "lede": "Observers of the zanzibarian election.",
        "date_issued": datetime.date(2024, 5, 1),
    }
    visible = PublishedNewsFactory(title="Visible zanzibarian item", **taxonomy)
    hidden = hidden_news(**taxonomy)
    return visible, hidden


QUERIES = [
    "",
    "?structure=secretariat",
    "?field=elections&country=serbia",
    "?meeting=council&tag=youth&year=2024",
    "?q=zanzibarian",
    "?q=hidden",
]


@pytest.mark.parametrize("query", QUERIES)
def test_unpublished_items_are_not_listed_or_found(client, world, query):
    visible, hidden = world

    response = client.get(reverse("news:list") + query)
    content = response.content.decode()

    listed = {item.pk for item, _snippet in response.context["cards"]}
    assert listed <= {visible.pk}
    for item in hidden:
        assert item.title not in content
        assert item.get_absolute_url() not in content


@pytest.mark.parametrize("query", QUERIES)
def test_unpublished_items_are_not_counted(client, world, query):
    response = client.get(reverse("news:list") + query)

    assert response.context["paginator"].count <= 1
    for facet in response.context["facets"].values():
        for choice in facet.choices:
            assert choice.count <= 1, (facet.name, choice.value, choice.count)


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
@pytest.mark.parametrize("query", QUERIES)
def test_unpublished_items_are_not_in_feeds(client, world, feed, query):
    visible, hidden = world

    parsed = feedparser.parse(client.get(reverse(feed) + query).content)

    assert {entry.title for entry in parsed.entries} <= {visible.title}
    assert not {item.title for item in hidden} & {entry.title for entry in parsed.entries}
