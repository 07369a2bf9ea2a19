import datetime

import pytest

from taxonomy.models import Country
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
)


@pytest.fixture(autouse=True)
def _generous_rate(settings):
    """Tests make many requests from one address; the rate limit's own tests lower it."""
    settings.API_RATE = "100000/m"
    settings.NEWS_SEARCH_RATE = "100000/m"


class World:
    """Published items spread over every facet: trees of fields and structures two deep,
    countries in each group, several years and kinds."""

    def __init__(self, items=30):
        self.root_field = FieldOfWorkFactory(name="Security", slug="security")
        self.fields = [
            FieldOfWorkFactory(name=f"Field {n}", slug=f"field-{n}", parent=self.root_field)
            for n in range(3)
        ]
        self.other_field = FieldOfWorkFactory(name="Youth", slug="youth")
        self.root_structure = StructureFactory(name="Secretariat", slug="secretariat")
        self.structures = [
            StructureFactory(name=f"Unit {n}", slug=f"unit-{n}", parent=self.root_structure)
            for n in range(3)
        ]
        self.mission = StructureFactory(name="Mission", slug="mission")
        groups = list(Country.Group)
        self.countries = [
            CountryFactory(name=f"Country {n}", slug=f"country-{n}", group=groups[n % 3])
            for n in range(6)
        ]
        self.meetings = [
            MeetingSeriesFactory(name=f"Meeting {n}", slug=f"meeting-{n}") for n in range(2)
        ]
        self.tags = [TagFactory(name=f"Tag {n}", slug=f"tag-{n}") for n in range(3)]
        self.items = [self.add(n) for n in range(items)]

    def add(self, n, **kwargs):
        fields = [*self.fields, self.other_field]
        structures = [*self.structures, self.mission]
        options = {
            "title": f"Item {n} about {'elections' if n % 3 == 0 else 'water'}",
            "slug": f"item-{n}",
            "date_issued": datetime.date(2022 + n % 4, 1 + n % 12, 1 + n % 7),
            "kind": ["news", "press-release", "statement"][n % 3],
            "fields_of_work": [fields[n % 4]],
            "lead_structure": structures[n % 4],
            "supporting_structures": [structures[(n + 1) % 4]] if n % 2 else [],
            "countries": [self.countries[n % 6], self.countries[(n + 2) % 6]],
            "meeting_series": [self.meetings[n % 2]] if n % 3 else [],
            "tags": [self.tags[n % 3]],
        }
        options.update(kwargs)
        return PublishedNewsFactory(**options)


@pytest.fixture
def world(db):
    return World()
