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


# (query, whether the published item answers it): "hidden" is in every unpublished title only.
QUERIES = [
    ("", True),
    ("?structure=secretariat", True),
    ("?field=elections&country=serbia", True),
    ("?meeting=council&tag=youth&year=2024", True),
    ("?q=zanzibarian", True),
    ("?q=hidden", False),
]
# The facet choices (facet, value) the published item of `world` is counted under.
VISIBLE_CHOICES = {
    ("field", "elections"),
    ("country", "participating"),
    ("country", "serbia"),
    ("structure", "secretariat"),
    ("structure", "unit"),
    ("kind", "news"),
    ("meeting", "council"),
    ("tag", "youth"),
    ("year", "2024"),
    ("language", "en"),
}


@pytest.mark.parametrize(("query", "found"), QUERIES)
def test_only_published_items_are_listed_or_found(client, world, query, found):
    visible, hidden = world

    response = client.get(reverse("news:list") + query)
    content = response.content.decode()

    listed = [item.title for item, _snippet in response.context["cards"]]
    assert listed == ([visible.title] if found else [])
    for item in hidden:
        assert item.title not in content
        assert item.get_absolute_url() not in content


@pytest.mark.parametrize(("query", "found"), QUERIES)
def test_only_published_items_are_counted(client, world, query, found):
    response = client.get(reverse("news:list") + query)

    assert response.context["paginator"].count == (1 if found else 0)
    counts = {
        (name, choice.value): choice.count
        for name, facet in response.context["facets"].items()
        for choice in facet.choices
    }
    if found:
        assert VISIBLE_CHOICES <= counts.keys()
    # Each choice counts the published item where it answers the query, and nothing else.
    assert counts == {key: int(found and key in VISIBLE_CHOICES) for key in counts}


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
@pytest.mark.parametrize(("query", "found"), QUERIES)
def test_only_published_items_are_in_feeds(client, world, feed, query, found):
    visible, hidden = world

    parsed = feedparser.parse(client.get(reverse(feed) + query).content)

    titles = [entry.title for entry in parsed.entries]
    assert titles == ([visible.title] if found else [])
    assert not {item.title for item in hidden} & set(titles)
