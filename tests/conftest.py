import pytest


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language and leaves none behind: a request to a /ru/
    page (or with an Accept-Language to an unprefixed one) leaves its language active in the
    thread, as LocaleMiddleware activates it and nothing deactivates it, and the next test's
    reverse() and str() of a term would be in it."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _fresh_news_index():
    """Each test reads its own database: the process's index of the public news
    (newsroom/index.py) is built anew from it at its first use."""
    from newsroom import index

    index.reset()
    yield
    index.reset()


# Tests that must share one xdist worker (`pytest -n auto --dist loadgroup`, README): each
# group starts servers of its own once per worker (tests/faults: a PostgreSQL cluster, Redis
# and gunicorn) or uses one shared resource (tests/alerts/test_worker.py: Redis database 11;
# tests/browser: one Chromium at a time on two cores).
SHARED_WORKER = {
    "faults": "tests/faults/",
    "redis-db-11": "tests/alerts/test_worker.py",
    "browser": "tests/browser/",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        for group, prefix in SHARED_WORKER.items():
            if path.startswith(prefix):
                item.add_marker(pytest.mark.xdist_group(group))
