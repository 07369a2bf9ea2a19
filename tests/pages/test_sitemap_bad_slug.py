"""An item whose slug no URL accepts, or one the site's own pages take, written by
QuerySet.update() (which runs no validation): the sitemap and the feeds leave it out, with a
warning in the log, and serve the rest."""

import logging

import feedparser
import pytest
from django.urls import reverse

from news.models import RESERVED_SLUGS, NewsItem
from taxonomy.models import FieldOfWork
from tests.factories import FieldOfWorkFactory, PublishedNewsFactory
from tests.pages.sitemap_reader import all_locations

pytestmark = pytest.mark.django_db

BAD_SLUGS = ["bad slug/with space", *sorted(RESERVED_SLUGS)]


def sitemap_locations(client):
    return all_locations(client)


def warnings_naming(caplog, logger, pk):
    return [
        record
        for record in caplog.records
        if record.name == logger
        and record.levelno == logging.WARNING
        and str(pk) in record.getMessage()
    ]


@pytest.mark.parametrize("slug", BAD_SLUGS)
def test_sitemap_leaves_out_an_item_without_an_address_and_serves_the_rest(client, caplog, slug):
    PublishedNewsFactory(slug="good-item")
    bad = PublishedNewsFactory(slug="bad-item")
    NewsItem.objects.filter(pk=bad.pk).update(slug=slug)

    with caplog.at_level(logging.WARNING, logger="newsroom.sitemaps"):
        locations = sitemap_locations(client)

    assert "http://testserver/en/news/good-item/" in locations
    assert not [
        location for location in locations if "/en/news/" in location and "good" not in location
    ]
    assert warnings_naming(caplog, "newsroom.sitemaps", bad.pk)


def test_sitemap_leaves_out_a_term_without_an_address(client, caplog):
    FieldOfWorkFactory(slug="youth")
    bad = FieldOfWorkFactory(slug="bad-field")
    FieldOfWork.objects.filter(pk=bad.pk).update(slug="bad field/")

    with caplog.at_level(logging.WARNING, logger="newsroom.sitemaps"):
        locations = sitemap_locations(client)

    assert "http://testserver/en/fields-of-work/youth/" in locations
    assert not [location for location in locations if "bad" in location]
    assert warnings_naming(caplog, "newsroom.sitemaps", bad.pk)


@pytest.mark.parametrize("feed", ["news:rss", "news:atom"])
@pytest.mark.parametrize("slug", sorted(RESERVED_SLUGS))
def test_feeds_leave_out_an_item_whose_address_is_the_sites_own(client, caplog, feed, slug):
    PublishedNewsFactory(title="A good item")
    bad = PublishedNewsFactory(title="A bad item")
    NewsItem.objects.filter(pk=bad.pk).update(slug=slug)

    with caplog.at_level(logging.WARNING, logger="newsroom.feeds"):
        response = client.get(reverse(feed))

    assert response.status_code == 200
    assert [entry.title for entry in feedparser.parse(response.content).entries] == ["A good item"]
    assert warnings_naming(caplog, "newsroom.feeds", bad.pk)
