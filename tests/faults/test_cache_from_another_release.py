"""A cache filled by another release: values whose classes have moved or gone (as
news.freshness.State did when the public site became newsroom/) are misses, not a 500 on
every page until someone flushes Redis."""

import pickle

import pytest
from django.core.cache import caches

from newsroom import freshness
from tests.factories import PublishedNewsFactory
from tests.faults.servers import redis_caches

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def pickled_from_a_moved_module():
    """The bytes an older release stored for a State, whose module was news.freshness."""
    state = freshness.State(token="0" * 16, modified=1, next_change=None)
    # Protocol 0 names the class as text, so the module can be renamed in place.
    data = pickle.dumps(state, protocol=0)
    assert b"newsroom.freshness\n" in data
    return data.replace(b"newsroom.freshness\n", b"news.freshness\n")


def plant(redis_server, keys):
    cache = caches["default"]
    client = cache._cache.get_client(write=True)
    for key in keys:
        client.set(cache.make_and_validate_key(key), pickled_from_a_moved_module())


@pytest.mark.parametrize("truncated", [False, True])
def test_pages_are_served_when_the_cache_holds_states_of_a_moved_class(
    client, settings, redis_server, truncated
):
    redis_server.flush()
    settings.CACHES = redis_caches(redis_server.url())
    item = PublishedNewsFactory(title="Served after the deploy")
    plant(redis_server, [freshness.STATE_KEY, freshness.LATEST_KEY, freshness.MODIFIED_KEY])
    if truncated:
        cache = caches["default"]
        client_ = cache._cache.get_client(write=True)
        client_.set(cache.make_and_validate_key(freshness.STATE_KEY), b"\x80\x05\x95")

    for path in ("/en/", "/en/news/", item.get_absolute_url(), "/en/news/rss/", "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Served after the deploy" in client.get("/en/news/").content.decode()
    # The next state replaced the unreadable one.
    assert isinstance(caches["default"].get(freshness.STATE_KEY), freshness.State)


def test_unreadable_values_are_left_out_of_get_many(settings, redis_server):
    redis_server.flush()
    settings.CACHES = redis_caches(redis_server.url())
    cache = caches["default"]
    cache.set("readable", {"a": 1})
    plant(redis_server, ["unreadable"])

    assert cache.get("unreadable", "default") == "default"
    assert cache.get_many(["readable", "unreadable", "absent"]) == {"readable": {"a": 1}}
