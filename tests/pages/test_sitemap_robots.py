import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    PublishedNewsFactory,
    StructureFactory,
)
from tests.pages.sitemap_reader import all_entries, read_child, read_index

pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    """{address: lastmod text} of every child sitemap the index lists."""
    entries = all_entries(client)
    assert len(entries) == len(dict(entries)), "an address is listed twice"
    return dict(entries)


def test_sitemap_lists_published_news_with_last_modification(client, make_hidden):
    item = PublishedNewsFactory(slug="visible-item")
    hidden = make_hidden()

    entries = sitemap_entries(client)

    lastmod = timezone.localdate(item.updated_at).isoformat()
    assert entries["http://testserver/en/news/visible-item/"] == lastmod
    for other in hidden:
        assert f"http://testserver{other.get_absolute_url()}" not in entries


def test_sitemap_lists_taxonomy_pages_and_indexes(client):
    FieldOfWorkFactory(slug="youth")
    CountryFactory(slug="malta")
    MeetingSeriesFactory(slug="ministerial-council")
    StructureFactory(slug="secretariat")

    entries = sitemap_entries(client)

    for path in [
        "/en/",
        "/en/fields-of-work/",
        "/en/fields-of-work/youth/",
        "/en/countries/",
        "/en/countries/malta/",
        "/en/meetings/",
        "/en/meetings/ministerial-council/",
        "/en/structures/",
        "/en/structures/secretariat/",
        "/en/field-operations/",
    ]:
        assert f"http://testserver{path}" in entries


def test_sitemap_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    def make_one_of_each():
        PublishedNewsFactory()
        CountryFactory()
        MeetingSeriesFactory()
        StructureFactory()

    def queries_of_each_sitemap():
        """{address: queries} of the index and of each child sitemap, each read in a new
        publication state (nothing kept from the read before)."""
        counts = {}
        for location in ["/sitemap.xml", *(location for location, _ in read_index(client))]:
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                if location == "/sitemap.xml":
                    read_index(client)
                else:
                    read_child(client, location)
            counts[location] = len(queries)
        return counts

    make_one_of_each()
    few = queries_of_each_sitemap()
    for _ in range(10):
        make_one_of_each()
    many = queries_of_each_sitemap()

    assert many == few
    # The index: the publication state, the years of the news, a count per kind of term
    # (fields, countries, series, meetings, structures) and the meeting pages' lastmod (their
    # last save, their news' last public change).
    assert few["/sitemap.xml"] <= 9
    # A child: the publication state, the years of the news, a count and a page of rows.
    assert max(count for location, count in few.items() if location != "/sitemap.xml") <= 4


def test_robots_txt_allows_all_but_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
