"""Performance tests run with every cache on (in memory): a stale cache would show."""

import pytest


@pytest.fixture(autouse=True)
def _every_cache(settings):
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
    caches["pages"].clear()
    yield
    caches["pages"].clear()
