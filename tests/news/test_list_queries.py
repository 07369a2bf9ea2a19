"""The number of queries of /news/ does not grow with the page size or the number of choices."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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

# The list page without filters: 4 taxonomy lists, 8 facet counts (countries and their groups
# are two), the years offered, the number of results, the page of items.
PLAIN = 15
# Each active filter costs what validating it reads (the chosen terms), and a tree filter also
# reads its tree once; a search adds the snippets of the page (PostgreSQL).
VARIANTS = {
    "": PLAIN,
    "?kind=news&year=2025": PLAIN,
    "?field=field-0": PLAIN + 2,
    "?field=field-0&structure=structure-0&country=country-0&meeting=meeting-0&tag=tag-0": PLAIN + 7,
    "?q=item": PLAIN + (1 if connection.vendor == "postgresql" else 0),
    "?q=item&field=field-0&structure=structure-0&sort=oldest&from=2020-01-01": PLAIN
    + 4
    + (1 if connection.vendor == "postgresql" else 0),
}


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
                fields_of_work=[pick(self.fields)],
                lead_structure=pick(self.structures),
                supporting_structures=[pick(self.structures, n + 1)],
                countries=[pick(self.countries)],
                meeting_series=[pick(self.meetings)],
                tags=[pick(self.tags)],
            )
            self.items += 1


def count_queries(client, query):
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("news:list") + query)
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["cards"])


@pytest.mark.parametrize(("query", "expected"), VARIANTS.items())
def test_queries_do_not_grow_with_the_page_size(
    client, monkeypatch, django_assert_max_num_queries, query, expected
):
    monkeypatch.setattr("news.views.LIST_PAGE_SIZE", 50)
    world = World(choices=3)

    world.add_items(5)
    with django_assert_max_num_queries(expected):
        few, shown_few = count_queries(client, query)

    world.add_items(60)
    with django_assert_max_num_queries(expected):
        many, shown_many = count_queries(client, query)

    assert shown_few < shown_many
    assert few == many == expected


@pytest.mark.parametrize(("query", "expected"), VARIANTS.items())
def test_queries_do_not_grow_with_the_number_of_choices(
    client, django_assert_max_num_queries, query, expected
):
    world = World(choices=3)
    world.add_items(6)
    with django_assert_max_num_queries(expected):
        few, _shown = count_queries(client, query)

    world.add_terms(27)
    world.add_items(40)
    with django_assert_max_num_queries(expected):
        many, _shown = count_queries(client, query)

    assert few == many == expected
