"""With the cache unreachable, an editor's save is stored, and a change made during the
outage is not hidden by the publication state from before it once the cache answers again."""

import pytest

from news import services
from tests.factories import PublishedNewsFactory, SuperuserFactory
from tests.faults.servers import redis_caches
from tests.workflow.admin_posts import change_url, news_form

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def test_admin_save_is_stored_while_the_cache_is_unreachable(client, settings, dead_redis_url):
    settings.CACHES = redis_caches(dead_redis_url)
    item = PublishedNewsFactory(title="Before the outage")
    client.force_login(SuperuserFactory())

    response = client.post(change_url(item), news_form(item, title="Saved during the outage"))

    assert response.status_code == 302, response.content[:2000]
    item.refresh_from_db()
    assert item.title == "Saved during the outage"


def test_public_pages_are_served_while_the_cache_is_unreachable(
    client, settings, dead_redis_url
):
    settings.CACHES = redis_caches(dead_redis_url)
    item = PublishedNewsFactory(title="Served without a cache")

    for path in (item.get_absolute_url(), "/en/news/", "/en/news/rss/", "/en/news/?q=served"):
        assert client.get(path).status_code == 200, path


def test_item_withdrawn_while_the_cache_was_away_is_not_served_after_it_returns(
    client, settings, redis_server, dead_redis_url
):
    """Redis kept the state from before the outage (a network cut, not a restart)."""
    redis_server.flush()
    settings.CACHES = redis_caches(redis_server.url())
    item = PublishedNewsFactory(title="Withdrawn during the outage")
    for path in (item.get_absolute_url(), "/en/news/"):
        assert "Withdrawn during the outage" in client.get(path).content.decode()  # cached

    settings.CACHES = redis_caches(dead_redis_url)  # the cut: this process cannot reach it
    services.withdraw(item, SuperuserFactory(), "The figures were wrong.")
    settings.CACHES = redis_caches(redis_server.url())  # back, with the old state in it

    assert "The figures were wrong." in client.get(item.get_absolute_url()).content.decode()
    assert "Withdrawn during the outage" not in client.get("/en/news/").content.decode()
