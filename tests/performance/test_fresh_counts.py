"""With every cache on, what a visitor sees follows each change at once: the results, the facet
counts, the feeds and the item pages are never those of before the change."""

import datetime
from types import SimpleNamespace
from unittest import mock

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import NewsItem
from structures.models import Structure
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    SuperuserFactory,
)
from tests.performance.visitor import news

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return SuperuserFactory()


@pytest.fixture
def world():
    w = SimpleNamespace()
    w.secretariat = StructureFactory(slug="secretariat", kind=Structure.Kind.SECRETARIAT)
    w.cpc = StructureFactory(slug="cpc", parent=w.secretariat)
    w.mission = StructureFactory(slug="mission")
    w.media = FieldOfWorkFactory(name="Media freedom", slug="media")
    w.journalists = FieldOfWorkFactory(name="Journalists", slug="journalists", parent=w.media)
    w.elections = FieldOfWorkFactory(name="Elections", slug="elections")
    w.serbia = CountryFactory(slug="serbia")
    w.first = PublishedNewsFactory(
        title="Journalists trained",
        lead_structure=w.cpc,
        fields_of_work=[w.journalists],
        countries=[w.serbia],
    )
    w.second = PublishedNewsFactory(
        title="Observers deployed", lead_structure=w.mission, fields_of_work=[w.elections]
    )
    w.draft = NewsItemFactory(
        title="Elections observed", lead_structure=w.mission, fields_of_work=[w.elections]
    )
    return w


def feed_titles(client, query=""):
    feed = feedparser.parse(client.get(reverse("news:rss") + query).content)
    return [entry.title for entry in feed.entries]


def prime(client, world):
    """Visit what a change will alter, so that it is in every cache."""
    for query in ("", "?field=elections", "?field=media", "?structure=secretariat", "?page=1"):
        news(client, query)
        news(client, query)  # the second visit is served from the caches
    feed_titles(client)
    feed_titles(client, "?field=elections")
    for item in (world.first, world.second):
        client.get(item.get_absolute_url())


def test_a_draft_is_never_counted(client, world):
    page = news(client)

    assert page.results == 2
    assert page.count("field", "elections") == 1
    assert not page.shows("Elections observed")
    assert news(client, "?field=elections").results == 1


def test_publishing_shows_in_the_list_its_counts_and_feeds_at_once(client, world, editor):
    prime(client, world)

    services.publish(world.draft, editor)

    page = news(client)
    assert page.results == 3
    assert page.count("field", "elections") == 2
    assert page.count("structure", "mission") == 2
    assert page.shows("Elections observed")
    assert news(client, "?field=elections").results == 2
    assert "Elections observed" in feed_titles(client)
    assert "Elections observed" in feed_titles(client, "?field=elections")
    assert client.get(world.draft.get_absolute_url()).status_code == 200


def test_withdrawing_takes_the_item_out_of_lists_counts_and_feeds_at_once(
    client, world, editor
):
    prime(client, world)

    services.withdraw(world.second, editor, notice="Published by mistake.")

    page = news(client)
    assert page.results == 1
    assert page.count("field", "elections") == 0
    assert page.count("structure", "mission") == 0
    assert not page.shows("Observers deployed")
    assert news(client, "?field=elections").results == 0
    assert "Observers deployed" not in feed_titles(client)
    assert "Observers deployed" not in feed_titles(client, "?field=elections")
    assert "Withdrawn" in client.get(world.second.get_absolute_url()).content.decode()


def test_moving_a_field_under_another_moves_its_items_counts(client, world):
    prime(client, world)

    world.journalists.parent = world.elections
    world.journalists.save()

    page = news(client)
    assert page.count("field", "media") == 0
    assert page.count("field", "elections") == 2
    assert news(client, "?field=elections").results == 2
    assert news(client, "?field=media").results == 0


def test_renaming_a_term_shows_the_new_name_at_once(client, world):
    prime(client, world)

    world.elections.name = "Elections and democracy"
    world.elections.save()

    page = news(client)
    assert page.labels[("field", "elections")] == "Elections and democracy"
    assert "Elections and democracy" in client.get(world.second.get_absolute_url()).content.decode()


def test_changing_an_items_terms_moves_its_counts(client, world):
    prime(client, world)

    world.second.fields_of_work.set([world.media])

    page = news(client)
    assert page.count("field", "elections") == 0
    assert page.count("field", "media") == 2
    assert news(client, "?field=elections").results == 0


def test_deleting_an_item_takes_it_out_everywhere(client, world):
    prime(client, world)

    world.second.delete()

    page = news(client)
    assert page.results == 1
    assert page.count("field", "elections") == 0
    assert "Observers deployed" not in feed_titles(client)
    assert client.get(world.second.get_absolute_url()).status_code == 404


def test_deleting_items_with_the_admins_bulk_action_takes_them_out(client, world, editor):
    prime(client, world)
    admin = Client()
    admin.force_login(editor)

    response = admin.post(
        reverse("admin:news_newsitem_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [world.first.pk, world.second.pk],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not NewsItem.objects.filter(pk__in=[world.first.pk, world.second.pk]).exists()
    page = news(client)
    assert page.results == 0
    assert feed_titles(client) == []


def test_the_admins_publish_action_shows_at_once(client, world, editor):
    prime(client, world)
    admin = Client()
    admin.force_login(editor)

    admin.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "publish_selected", "_selected_action": [world.draft.pk]},
    )

    assert NewsItem.objects.get(pk=world.draft.pk).status == NewsItem.Status.PUBLISHED
    assert news(client).results == 3


def test_a_scheduled_item_is_counted_from_its_time_on_without_any_change(client, world, editor):
    now = timezone.now()
    due = now + datetime.timedelta(hours=1)
    services.publish(world.draft, editor, at=due)

    with mock.patch("django.utils.timezone.now", return_value=due - datetime.timedelta(seconds=1)):
        prime(client, world)
        before = news(client)
        assert before.results == 2
        assert before.count("field", "elections") == 1
        assert "Elections observed" not in feed_titles(client)

    with mock.patch("django.utils.timezone.now", return_value=due):
        page = news(client)
        assert page.results == 3
        assert page.count("field", "elections") == 2
        assert page.shows("Elections observed")
        assert "Elections observed" in feed_titles(client)
        assert client.get(world.draft.get_absolute_url()).status_code == 200


def test_a_returned_scheduled_item_does_not_appear_at_its_former_time(client, world, editor):
    due = timezone.now() + datetime.timedelta(hours=1)
    services.publish(world.draft, editor, at=due)
    prime(client, world)

    services.return_to_draft(world.draft, editor)

    with mock.patch("django.utils.timezone.now", return_value=due):
        page = news(client)
        assert page.results == 2
        assert not page.shows("Elections observed")
