"""A scheduled item becomes public by itself at its publication time, to the second."""

import datetime
from unittest import mock

import feedparser
import pytest
from django.urls import reverse

from news import services
from news.models import NewsItem
from tests.factories import NewsItemFactory
from tests.pages.sitemap_reader import all_locations

pytestmark = pytest.mark.django_db

SCHEDULED_FOR = datetime.datetime(2026, 4, 1, 8, 0, tzinfo=datetime.UTC)
A_SECOND = datetime.timedelta(seconds=1)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def scheduled(editor):
    item = NewsItemFactory(title="Ministerial Council opens in Vienna", status="review")
    with at(SCHEDULED_FOR - datetime.timedelta(days=2)):
        services.publish(item, editor, at=SCHEDULED_FOR)
    return item


def visible_everywhere(client, item):
    """Whether the item's page answers and it is in the list, the feed and the sitemap."""
    page = client.get(item.get_absolute_url()).status_code == 200
    in_list = item.title in client.get(reverse("news:list")).content.decode()
    feed = feedparser.parse(client.get(reverse("news:rss")).content)
    in_feed = item.title in [entry.title for entry in feed.entries]
    in_sitemap = f"http://testserver{item.get_absolute_url()}" in all_locations(client)
    return page, in_list, in_feed, in_sitemap


def test_scheduled_item_is_hidden_a_second_before_its_time(client, scheduled):
    with at(SCHEDULED_FOR - A_SECOND):
        assert visible_everywhere(client, scheduled) == (False, False, False, False)
        assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_scheduled_item_is_public_exactly_at_its_time(client, scheduled):
    with at(SCHEDULED_FOR):
        assert visible_everywhere(client, scheduled) == (True, True, True, True)


def test_scheduled_item_stays_public_afterwards_without_any_command(client, scheduled):
    with at(SCHEDULED_FOR + datetime.timedelta(days=30)):
        assert visible_everywhere(client, scheduled) == (True, True, True, True)
    assert NewsItem.objects.get(pk=scheduled.pk).transitions.count() == 1


def test_unscheduled_item_does_not_appear_at_its_former_time(client, scheduled, editor):
    with at(SCHEDULED_FOR - datetime.timedelta(hours=1)):
        services.return_to_draft(scheduled, editor)

    with at(SCHEDULED_FOR):
        assert visible_everywhere(client, scheduled) == (False, False, False, False)
