"""/sitemap.xml is an index of child sitemaps: the indexes, the news of each year, the term
pages; each child lists at most SITEMAP_LIMIT addresses, the rest on ?p=2 and on."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.factories import CountryFactory, NewsItemFactory, PublishedNewsFactory
from tests.pages.sitemap_reader import all_locations, path_of, read_child, read_index

pytestmark = pytest.mark.django_db


def in_year(year, **values):
    return PublishedNewsFactory(date_issued=datetime.date(year, 6, 1), **values)


def test_the_index_lists_one_child_per_year_of_published_news_newest_first(client):
    in_year(2019)
    in_year(2024)
    NewsItemFactory(date_issued=datetime.date(2021, 6, 1))  # a draft makes no year

    children = [path_of(location) for location, _ in read_index(client)]

    assert children == [
        "/sitemap-indexes.xml",
        "/sitemap-news-2024.xml",
        "/sitemap-news-2019.xml",
        "/sitemap-fields-of-work.xml",
        "/sitemap-countries.xml",
        "/sitemap-meetings.xml",
        "/sitemap-meeting-pages.xml",
        "/sitemap-structures.xml",
    ]


def test_a_years_child_lists_that_years_items(client):
    old, new = in_year(2019, slug="old-one"), in_year(2024, slug="new-one")

    addresses = [location for location, _ in read_child(client, "/sitemap-news-2019.xml")]

    assert addresses == [f"http://testserver{old.get_absolute_url()}"]
    assert f"http://testserver{new.get_absolute_url()}" not in addresses


def test_a_child_past_the_limit_continues_on_its_next_page(client, settings):
    settings.SITEMAP_LIMIT = 2
    items = [in_year(2024) for _ in range(5)]

    index = [path_of(location) for location, _ in read_index(client)]
    assert [c for c in index if "news-2024" in c] == [
        "/sitemap-news-2024.xml",
        "/sitemap-news-2024.xml?p=2",
        "/sitemap-news-2024.xml?p=3",
    ]
    pages = [read_child(client, path) for path in index if "news-2024" in path]
    assert [len(page) for page in pages] == [2, 2, 1]
    listed = [location for page in pages for location, _ in page]
    assert sorted(listed) == sorted(f"http://testserver{i.get_absolute_url()}" for i in items)


@pytest.mark.parametrize(
    "address",
    [
        "/sitemap-news-2024.xml?p=2",  # past the end
        "/sitemap-news-2024.xml?p=0",
        "/sitemap-news-2024.xml?p=two",
        "/sitemap-news-2024.xml?p=99999999999999999999999",
        "/sitemap-news-2023.xml",  # a year without published news
        "/sitemap-news-abc.xml",
        "/sitemap-nothing.xml",
    ],
)
def test_a_page_or_child_that_does_not_exist_is_not_found(client, address):
    in_year(2024)
    NewsItemFactory(date_issued=datetime.date(2023, 6, 1))

    assert client.get(address).status_code == 404


def test_lastmod_is_the_last_public_change_of_an_item(client):
    now = timezone.now()
    edited = in_year(2024, slug="edited")
    NewsItem.objects.filter(pk=edited.pk).update(
        published_at=now - datetime.timedelta(days=30), updated_at=now - datetime.timedelta(days=3)
    )
    # Saved ten days before it was scheduled to go live, live for two days now.
    scheduled = in_year(2024, slug="scheduled")
    NewsItem.objects.filter(pk=scheduled.pk).update(
        published_at=now - datetime.timedelta(days=2), updated_at=now - datetime.timedelta(days=12)
    )

    entries = dict(read_child(client, "/sitemap-news-2024.xml"))
    [(_, year_lastmod)] = [entry for entry in read_index(client) if "news-2024" in entry[0]]

    def day(delta):
        return timezone.localdate(now - datetime.timedelta(days=delta)).isoformat()

    assert entries["http://testserver/en/news/edited/"] == day(3)
    assert entries["http://testserver/en/news/scheduled/"] == day(2)
    assert year_lastmod.startswith(day(2))


def test_a_scheduled_item_enters_its_years_sitemap_when_it_goes_live(client):
    soon = timezone.now() + datetime.timedelta(hours=1)
    item = PublishedNewsFactory(date_issued=datetime.date(2024, 6, 1), published_at=soon)
    address = f"http://testserver{item.get_absolute_url()}"

    assert address not in all_locations(client)
    later = soon + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert address in all_locations(client)


def test_a_sitemap_is_answered_304_until_something_public_changes(client):
    in_year(2024)
    first = client.get("/sitemap-news-2024.xml")
    assert first.status_code == 200

    again = client.get("/sitemap-news-2024.xml", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304

    CountryFactory()  # a new term page: a new publication state
    changed = client.get("/sitemap.xml", headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert not changed.cookies
