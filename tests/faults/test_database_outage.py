"""With PostgreSQL stopped, cached pages are still served, everything else is a styled 503
with Retry-After (never a 500), and the site recovers by itself when it is back."""

import time

import pytest

pytestmark = pytest.mark.faults


def assert_unavailable(page):
    assert page.status == 503, page.body[:500]
    assert int(page.headers["Retry-After"]) > 0
    assert "temporarily unavailable" in page.body
    assert "no-store" in page.headers["Cache-Control"]


def test_uncached_public_page_is_a_503_with_retry_after(running):
    running.postgres.stop()

    for path in ("/en/news/?field=fault-field&sort=oldest", "/en/news/fault-two/", "/en/"):
        assert_unavailable(running.get(path))


@pytest.mark.parametrize("state_expired", [False, True], ids=["state kept", "state expired"])
def test_cached_public_pages_are_still_served(running, state_expired):
    paths = ["/en/news/", "/en/news/fault-one/", "/en/news/rss/"]
    for path in paths:
        assert running.get(path).status == 200
    running.postgres.stop()
    if state_expired:  # a new state cannot be made without the database
        running.redis.delete("osce_cms:1:news:publication-state")

    pages = [running.get(path) for path in paths for _ in range(2)]  # both workers, likely

    assert [page.status for page in pages] == [200] * len(pages)


def test_admin_page_is_a_503_with_retry_after(running):
    assert running.get("/admin/news/newsitem/", signed_in=True).status == 200
    running.postgres.stop()

    assert_unavailable(running.get("/admin/news/newsitem/", signed_in=True))
    assert_unavailable(running.get("/admin/", signed_in=True))


def test_liveness_stays_200_and_readiness_fails_fast(running):
    running.postgres.stop()

    live, ready = running.get("/healthz/"), running.get("/readyz/")

    assert live.status == 200
    assert ready.status == 503
    assert '"database": "unavailable"' in ready.body
    assert ready.seconds < 1


def test_site_answers_200_within_five_seconds_of_the_database_returning(running):
    running.postgres.stop()
    assert running.get("/en/news/fault-three/").status == 503
    back = running.postgres.start()

    seconds = running.first_200("/en/news/fault-three/", seconds=5)

    print(f"database: first 200 {time.monotonic() - back:.2f} s after it answered")
    assert seconds < 5
    assert running.get("/readyz/").status == 200
