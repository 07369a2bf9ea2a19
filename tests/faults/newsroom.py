"""A few published items and a signed-in superuser for the site under test.

Run in the site's settings: `manage.py shell -c "from tests.faults.newsroom import build;
build()"`; prints the superuser's session cookie value.
"""

from django.conf import settings
from django.test import Client

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory, SuperuserFactory

ITEMS = ["fault-one", "fault-two", "fault-three", "fault-withdrawn"]


def build():
    field = FieldOfWorkFactory(slug="fault-field")
    for slug in ITEMS:
        PublishedNewsFactory(slug=slug, title=f"Security dialogue {slug}", fields_of_work=[field])
    client = Client()
    client.force_login(SuperuserFactory(username="fault-admin"))
    print(client.cookies[settings.SESSION_COOKIE_NAME].value)
