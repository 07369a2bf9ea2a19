"""The site as production serves it, for Lighthouse (tests/browser/lighthouse.py): Django with
static files from WhiteNoise, and uploaded media, which the reverse proxy serves in production,
from WhiteNoise too, so that pages with lead images load them."""

from django.conf import settings
from whitenoise import WhiteNoise

from osce_cms.wsgi import application as site

application = WhiteNoise(site)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL)
