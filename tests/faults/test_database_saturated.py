"""A database that answers but cannot serve (a table locked for long, every connection
taken) fails the requests that need it fast with a 503, and stalls nothing."""

from contextlib import contextmanager

import psycopg2
import pytest

pytestmark = pytest.mark.faults


@contextmanager
def news_table_locked(site):
    """news_newsitem under an ACCESS EXCLUSIVE lock (as a long migration would take it)."""
    connection = site.postgres.connect()
    connection.autocommit = False
    connection.cursor().execute("LOCK TABLE news_newsitem IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        connection.rollback()
        connection.close()


@pytest.fixture
def connections_taken(running):
    """Every connection slot of the cluster taken, the workers' own dropped first."""
    admin = running.postgres.connect("postgres")
    admin.cursor().execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = 'osce' AND pid <> pg_backend_pid()"
    )
    held = [admin]
    try:
        while True:
            held.append(running.postgres.connect())
    except psycopg2.OperationalError as error:
        assert "too many clients" in str(error)
    yield
    for connection in held:
        connection.close()


def test_page_needing_a_locked_table_is_a_503_within_seconds(running):
    with news_table_locked(running):
        page = running.get("/en/news/fault-two/", timeout=20)

    assert page.status == 503
    assert "Retry-After" in page.headers
    assert page.seconds < 4


def test_a_page_needing_a_new_publication_state_beside_a_locked_table_waits_once(running):
    """The state has ended (a publication, its expiry): making the next waits for the lock
    briefly and keeps the latest, so the page's own query is the one wait that counts."""
    assert running.get("/en/news/fault-one/").status == 200
    running.redis.delete("osce_cms:1:news:publication-state")
    with news_table_locked(running):
        page = running.get("/en/news/fault-two/", timeout=20)

    assert page.status == 503
    assert "Retry-After" in page.headers
    assert page.seconds < 3


def test_readiness_and_cached_pages_answer_at_once_beside_a_locked_table(running):
    assert running.get("/en/news/fault-one/").status == 200
    with news_table_locked(running):
        ready, cached, live = (
            running.get("/readyz/"), running.get("/en/news/fault-one/"), running.get("/healthz/")
        )

    assert (ready.status, cached.status, live.status) == (200, 200, 200)
    assert max(ready.seconds, cached.seconds, live.seconds) < 1


def test_too_many_clients_is_a_503_not_a_500(running, connections_taken):
    page = running.get("/en/news/fault-two/")
    ready = running.get("/readyz/")

    assert page.status == 503
    assert "Retry-After" in page.headers
    assert ready.status == 503 and ready.seconds < 1

