"""The production settings for the site under test, without collected static files (debug off
would need their manifest; the fault tests fetch pages, not styles)."""

from osce_cms.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
