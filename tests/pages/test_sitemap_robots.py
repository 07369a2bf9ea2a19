import xml.etree.ElementTree as ET

import pytest
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

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("sm:loc", NS).text: url.find("sm:lastmod", NS)
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_published_news_with_last_modification(client, make_hidden):
    item = PublishedNewsFactory(slug="visible-item")
    hidden = make_hidden()

    entries = sitemap_entries(client)

    lastmod = timezone.localdate(item.updated_at).isoformat()
    assert entries["http://testserver/news/visible-item/"].text == lastmod
    for other in hidden:
        assert f"http://testserver{other.get_absolute_url()}" not in entries


def test_sitemap_lists_taxonomy_pages_and_indexes(client):
    FieldOfWorkFactory(slug="youth")
    CountryFactory(slug="malta")
    MeetingSeriesFactory(slug="ministerial-council")
    StructureFactory(slug="secretariat")

    entries = sitemap_entries(client)

    for path in [
        "/",
        "/fields-of-work/",
        "/fields-of-work/youth/",
        "/countries/",
        "/countries/malta/",
        "/meetings/",
        "/meetings/ministerial-council/",
        "/structures/",
        "/structures/secretariat/",
    ]:
        assert f"http://testserver{path}" in entries


def test_sitemap_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    def make_one_of_each():
        PublishedNewsFactory()
        CountryFactory()
        MeetingSeriesFactory()
        StructureFactory()

    make_one_of_each()
    with CaptureQueriesContext(connection) as few:
        client.get("/sitemap.xml")
    for _ in range(10):
        make_one_of_each()

    # A count and a page of rows for each of the five model sitemaps.
    with django_assert_max_num_queries(10):
        with CaptureQueriesContext(connection) as many:
            client.get("/sitemap.xml")
    assert len(many) == len(few)


def test_robots_txt_allows_all_but_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
