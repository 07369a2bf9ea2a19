"""The site as production serves it, for Lighthouse (tests/browser/lighthouse.py): Django with
static files from WhiteNoise, and uploaded media, which the reverse proxy serves in production,
from WhiteNoise too, so that pages with lead images load them.

Lighthouse refuses to audit a page answered with 404, so NOT_FOUND_AS_200 answers the site's
404 page for an unknown item with status 200: the same page, audited."""

from django.conf import settings
from whitenoise import WhiteNoise

from osce_cms.wsgi import application as site

NOT_FOUND_AS_200 = "/lighthouse/not-found/"
NOT_FOUND = "/en/news/no-such-item/"

served = WhiteNoise(site)
served.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)


def application(environ, start_response):
    if environ.get("PATH_INFO") != NOT_FOUND_AS_200:
        return served(environ, start_response)

    def start(status, headers, exc_info=None):
        assert status.startswith("404"), status
        return start_response("200 OK", headers, exc_info)

    return served({**environ, "PATH_INFO": NOT_FOUND}, start)
