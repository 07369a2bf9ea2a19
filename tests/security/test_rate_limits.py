"""Searches and filtered lists and feeds are limited per client with a styled 429 and
Retry-After; pages from the page cache, the plain list, item pages and staff are not."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.urls import reverse

from tests.factories import PublishedNewsFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("news:list")


class BrokenCache(LocMemCache):
    """A cache whose server is away: every counting call fails."""

    def add(self, *args, **kwargs):
        raise ConnectionError("cache server away")

    def incr(self, *args, **kwargs):
        raise ConnectionError("cache server away")

    def get(self, *args, **kwargs):
        raise ConnectionError("cache server away")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.NEWS_SEARCH_RATE = "3/m"
    settings.NEWS_LIST_RATE = "4/m"


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"},
    }
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def search(client, n, address="192.0.2.10"):
    return client.get(LIST_URL, {"q": f"vienna {n}"}, REMOTE_ADDR=address)


def test_unique_searches_over_the_rate_get_429_with_retry_after(client):
    PublishedNewsFactory(title="Ministers met in Vienna")
    for n in range(3):
        assert search(client, n).status_code == 200

    response = search(client, 3)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.content.decode()
    assert not response.has_header("ETag")
    assert "public" not in response.get("Cache-Control", "")


def test_the_limit_is_per_client(client):
    for n in range(4):
        search(client, n)

    assert search(client, 9, address="198.51.100.20").status_code == 200


def test_filtered_lists_and_feeds_count_together(client):
    for year in (2020, 2021, 2022):
        assert client.get(LIST_URL, {"year": year}).status_code == 200
    assert client.get(reverse("news:rss"), {"year": 2023}).status_code == 200

    assert client.get(reverse("news:atom"), {"year": 2024}).status_code == 429
    assert client.get(LIST_URL, {"year": 2025}).status_code == 429


def test_the_plain_list_and_item_pages_are_not_limited(client):
    item = PublishedNewsFactory()
    for _ in range(6):
        assert client.get(LIST_URL).status_code == 200
        assert client.get(item.get_absolute_url()).status_code == 200


def test_a_search_answered_from_the_page_cache_does_not_count(client, page_cache):
    for _ in range(6):
        assert client.get(LIST_URL, {"q": "vienna"}).status_code == 200


def test_signed_in_staff_are_not_limited(client):
    client.force_login(SuperuserFactory())
    for n in range(6):
        assert search(client, n).status_code == 200


def test_a_cache_that_fails_lets_requests_through(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "broken": {"BACKEND": "tests.security.test_rate_limits.BrokenCache"},
    }
    settings.RATELIMIT_USE_CACHE = "broken"
    for n in range(6):
        assert search(client, n).status_code == 200
