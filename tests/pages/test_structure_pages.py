import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from structures.models import Structure
from tests.factories import (
    CountryFactory,
    FormerNameFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.checks import assert_hides

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    return StructureFactory(
        name="Secretariat",
        slug="secretariat",
        kind=Structure.Kind.SECRETARIAT,
        description="Supports the Chairpersonship.",
        city="Vienna",
        website="https://www.osce.org/secretariat",
    )


@pytest.fixture
def unit(secretariat):
    return StructureFactory(
        name="Conflict Prevention Centre",
        acronym="CPC",
        slug="cpc",
        kind=Structure.Kind.SECRETARIAT_UNIT,
        parent=secretariat,
    )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_tree_page_nests_structures_under_their_parent(client, secretariat, unit):
    StructureFactory(name="Parliamentary Assembly", slug="pa")

    content = client.get(reverse("structures:list")).content.decode()

    at = content.index('href="/en/structures/secretariat/"')
    nested = content.index('<ul class="tree">', at)
    assert nested < content.index('href="/en/structures/cpc/"') < content.index("</li>", nested)
    assert 'href="/en/structures/pa/"' in content


def test_secretariat_page_lists_news_of_units_under_it_lead_or_supporting(
    client, secretariat, unit, make_hidden
):
    PublishedNewsFactory(title="Issued by the Secretariat", lead_structure=secretariat)
    PublishedNewsFactory(title="Led by the centre", lead_structure=unit)
    PublishedNewsFactory(title="Supported by the centre", supporting_structures=[unit])
    PublishedNewsFactory(title="Issued elsewhere")
    hidden = make_hidden(lead_structure=unit)

    content = client.get(secretariat.get_absolute_url()).content.decode()

    assert "Issued by the Secretariat" in content
    assert "Led by the centre" in content
    assert "Supported by the centre" in content
    assert "Issued elsewhere" not in content
    assert 'href="/en/news/?structure=secretariat"' in content
    assert_hides(content, hidden)


def test_unit_page_shows_breadcrumb_and_not_its_parents_news(client, secretariat, unit):
    PublishedNewsFactory(title="Issued by the Secretariat", lead_structure=secretariat)

    content = client.get(unit.get_absolute_url()).content.decode()

    breadcrumb = content[content.index('aria-label="Breadcrumb"') :]
    assert breadcrumb.index("/en/structures/") < breadcrumb.index("/en/structures/secretariat/")
    assert breadcrumb.index("/en/structures/secretariat/") < breadcrumb.index("/en/structures/cpc/")
    assert "Conflict Prevention Centre" in content and "(CPC)" in content
    assert "Issued by the Secretariat" not in content


def test_structure_page_shows_description_place_website_and_parts(client, secretariat, unit):
    secretariat.host_country = CountryFactory(name="Austria", slug="austria")
    secretariat.save()

    content = client.get(secretariat.get_absolute_url()).content.decode()

    assert "<h1>Secretariat</h1>" in content
    assert "Supports the Chairpersonship." in content
    assert 'Vienna, <a href="/en/countries/austria/">Austria</a>' in content
    assert 'href="https://www.osce.org/secretariat"' in content
    assert "Parts of this structure" in content and 'href="/en/structures/cpc/"' in content


def test_closed_structure_shows_closing_date_and_former_names(client):
    closed = StructureFactory(
        name="Mission to Croatia", is_active=False, closed_on=datetime.date(2007, 12, 31)
    )
    FormerNameFactory(
        structure=closed,
        name="Mission in Croatia",
        acronym="MiC",
        used_until=datetime.date(2001, 1, 1),
    )

    content = client.get(closed.get_absolute_url()).content.decode()

    assert "Closed on 31 December 2007." in content
    assert "Mission in Croatia (MiC)" in content and "until 1 January 2001" in content


def test_unknown_structure_is_404(client):
    assert client.get("/en/structures/no-such-structure/").status_code == 404


def test_structure_pages_query_count_does_not_grow(
    client, secretariat, unit, django_assert_max_num_queries
):
    PublishedNewsFactory(lead_structure=unit)
    few_detail = queries_for(client, secretariat.get_absolute_url())

    deeper = StructureFactory.create_batch(4, parent=unit)
    PublishedNewsFactory.create_batch(8, lead_structure=deeper[0])
    PublishedNewsFactory.create_batch(4, supporting_structures=deeper[1:])
    FormerNameFactory.create_batch(2, structure=secretariat)

    with django_assert_max_num_queries(5):
        client.get(secretariat.get_absolute_url())
    assert queries_for(client, secretariat.get_absolute_url()) == few_detail
    assert queries_for(client, deeper[0].get_absolute_url()) == few_detail
    assert queries_for(client, reverse("structures:list")) == 1
