"""With Redis stopped or hung, every public page is served uncached: slower, never a 500."""

import time

import pytest

pytestmark = pytest.mark.faults

PUBLIC_PAGES = [
    "/en/news/",
    "/en/news/fault-one/",
    "/en/news/rss/",
    "/en/news/atom/",
    "/en/news/?q=dialogue",
    "/en/news/?field=fault-field",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_served_uncached_while_redis_is_stopped(running, path):
    assert running.get(path).status == 200  # cached while Redis runs
    running.redis.stop()

    pages = [running.get(path) for _ in range(3)]

    assert [page.status for page in pages] == [200, 200, 200]
    assert "dialogue" in pages[-1].body.lower()


def test_public_pages_are_served_within_two_seconds_while_redis_hangs(running):
    running.get("/en/news/")
    running.redis.pause()  # accepts connections, never answers: every operation times out

    pages = [running.get(path) for path in PUBLIC_PAGES]

    assert [page.status for page in pages] == [200] * len(PUBLIC_PAGES)
    assert max(page.seconds for page in pages) < 2
    assert sum(page.seconds for page in pages) >= 0.5  # a worker did wait for Redis


def test_site_uses_redis_again_within_five_seconds_of_its_restart(running):
    running.redis.stop()
    assert running.get("/en/news/").status == 200
    back = running.redis.start()

    # Once a worker has written the page to the restarted Redis, it is there.
    deadline = back + 5
    while time.monotonic() < deadline:
        assert running.get("/en/news/?field=fault-field").status == 200
        if running.redis.keys("*osce_cms_pages*"):
            break
        time.sleep(0.05)
    else:
        raise AssertionError("no page was cached within 5 s of Redis's restart")
    print(f"cache in use again {time.monotonic() - back:.2f} s after Redis answered")
