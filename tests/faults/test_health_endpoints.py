"""Liveness (/healthz/) needs nothing; readiness (/readyz/) checks the database and the cache
and says which one failed."""

import json

import pytest

from tests.faults.servers import redis_caches

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def test_liveness_touches_neither_database_nor_cache(
    client, settings, dead_redis_url, django_assert_num_queries
):
    settings.CACHES = redis_caches(dead_redis_url)
    with django_assert_num_queries(0):
        response = client.get("/healthz/")

    assert response.status_code == 200


def test_readiness_is_200_when_database_and_cache_answer(client):
    response = client.get("/readyz/")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_reports_an_unreachable_cache_but_stays_ready(client, settings, dead_redis_url):
    """Pages are then served uncached: taking the site out of rotation would be worse."""
    settings.CACHES = redis_caches(dead_redis_url)

    response = client.get("/readyz/")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "unavailable"}
