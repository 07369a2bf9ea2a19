"""The number of queries of /news/ and its feeds is pinned: it does not grow with the page size,
the number of choices or the filters (newsroom/counting.py, newsroom/index.py).

The process's index of the public news is built before (a server builds it when it starts).
"First view" is the first request after a change: the publication state is new (the terms
are read again) and the index reads the changed items again. "Again" is the same request
repeated while nothing changes.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom import index as news_index
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

# The four taxonomy lists and the meetings with published news, read once per publication
# state.
TERMS = 5
# The index: its change log, read at every request; the changed items, their six kinds of
# links (a meeting's news among them; on PostgreSQL, and their words) and the languages of
# their translation groups' members, read once after a change.
LOG = 1
CHANGED_ITEMS = 9 if connection.vendor == "postgresql" else 8
# The names of the tags the tag facet shows, and the page of items with their issuers (and,
# when searching, their snippets).
SHOWN = 2
FIRST_VIEW = TERMS + LOG + CHANGED_ITEMS + SHOWN
AGAIN = LOG + SHOWN
# A tag filter reads the chosen tags to check them (there may be thousands of tags).
TAG = 1
# A search is read by the database (PostgreSQL: its words, matched in the index; SQLite: the
# items that match); ordered by relevance (the default with a search), on SQLite the database
# also chooses the page.
SEARCH = 1
RELEVANCE = 0 if connection.vendor == "postgresql" else 1

# In the canonical order of the list's addresses (another order is redirected to it).
LIST_VARIANTS = {
    "": 0,
    "?field=field-0": 0,
    "?field=root-field": 0,
    "?country=country-0": 0,
    "?group=asian-partner": 0,
    "?country=country-0&group=participating": 0,
    "?structure=root": 0,
    "?kind=news": 0,
    "?meeting=meeting-0": 0,
    "?tag=tag-0": TAG,
    "?year=2025": 0,
    "?from=2020-01-01&to=2025-12-31": 0,
    "?kind=news&year=2025": 0,
    "?field=field-0&field=field-1&structure=structure-0": 0,
    "?field=field-0&country=country-0&structure=structure-0&meeting=meeting-0&tag=tag-0": TAG,
    "?q=item": SEARCH + RELEVANCE,
    "?q=item&sort=newest": SEARCH,
    "?q=item&field=field-0&structure=structure-0&from=2020-01-01&sort=oldest": SEARCH,
    "?q=item&country=country-0&kind=news&tag=tag-0&year=2025": TAG + SEARCH + RELEVANCE,
    "?sort=oldest": 0,
    "?page=2": 0,
    "?field=root-field&page=2": 0,
}
FEED_VARIANTS = {
    "": 0,
    "?field=field-0&country=country-0": 0,
    "?structure=root&kind=news&year=2025": 0,
    "?q=item&tag=tag-0": TAG + SEARCH,
}
# Feeds: the terms and the changed items as above, then the items and their fields of work.
FEED_FIRST_VIEW = TERMS + LOG + CHANGED_ITEMS + 2
FEED_AGAIN = LOG + 2


@pytest.fixture(autouse=True)
def _index_built(db):
    news_index.current()


class World:
    """Items spread over the terms of every facet, the terms under one root of each tree."""

    def __init__(self, choices):
        self.root_structure = StructureFactory(slug="root", kind=Structure.Kind.GROUP)
        self.root_field = FieldOfWorkFactory(slug="root-field")
        self.fields, self.structures, self.countries, self.meetings, self.tags = [], [], [], [], []
        self.items = 0
        self.add_terms(choices)

    def add_terms(self, count):
        groups = list(Country.Group)
        for _ in range(count):
            n = len(self.fields)
            self.fields.append(FieldOfWorkFactory(slug=f"field-{n}", parent=self.root_field))
            self.structures.append(
                StructureFactory(slug=f"structure-{n}", parent=self.root_structure)
            )
            self.countries.append(CountryFactory(slug=f"country-{n}", group=groups[n % 3]))
            self.meetings.append(MeetingSeriesFactory(slug=f"meeting-{n}"))
            self.tags.append(TagFactory(slug=f"tag-{n}"))

    def add_items(self, count):
        for _ in range(count):
            n = self.items

            def pick(terms, n=n):
                return terms[n % len(terms)]

            PublishedNewsFactory(
                title=f"Item {n}",
                fields_of_work=[pick(self.fields), pick(self.fields, n + 1)],
                lead_structure=pick(self.structures),
                supporting_structures=[pick(self.structures, n + 1)],
                countries=[pick(self.countries)],
                meeting_series=[pick(self.meetings)],
                tags=[pick(self.tags)],
            )
            self.items += 1


def queries(client, path):
    """(queries, items shown) of one GET of `path`."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    cards = response.context.get("cards") if response.context else None
    return len(context.captured_queries), None if cards is None else len(cards)


def first_view_and_again(client, path):
    return queries(client, path)[0], queries(client, path)[0]


@pytest.mark.parametrize(("query", "extra"), LIST_VARIANTS.items())
def test_list_queries_do_not_grow_with_the_page_size(client, monkeypatch, query, extra):
    world = World(choices=3)
    path = reverse("news:list") + query

    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 5)
    world.add_items(12)
    small = queries(client, path)

    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 50)
    world.add_items(60)
    large = queries(client, path)

    assert small[0] == large[0] == FIRST_VIEW + extra
    assert small[1] < large[1], "the larger page shows more items"


@pytest.mark.parametrize(("query", "extra"), LIST_VARIANTS.items())
def test_list_queries_do_not_grow_with_the_number_of_choices(client, query, extra):
    world = World(choices=3)
    world.add_items(25)  # more than a page
    path = reverse("news:list") + query
    few = first_view_and_again(client, path)

    world.add_terms(27)
    world.add_items(40)
    many = first_view_and_again(client, path)

    assert few == many == (FIRST_VIEW + extra, AGAIN + extra)


@pytest.mark.parametrize(("query", "extra"), FEED_VARIANTS.items())
def test_feed_queries_do_not_grow_with_the_items_or_choices(client, query, extra):
    world = World(choices=3)
    world.add_items(3)
    path = reverse("news:rss") + query
    few = first_view_and_again(client, path)

    world.add_terms(27)
    world.add_items(30)
    many = first_view_and_again(client, path)

    assert few == many == (FEED_FIRST_VIEW + extra, FEED_AGAIN + extra)

