"""The exact number of queries of the public pages that views share a base for
(newsroom/public.py): moving them onto it must not change what they read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import index as news_index
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def queries(client, url, status=200):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == status
    return len(captured)


@pytest.fixture
def site():
    field, country = FieldOfWorkFactory(), CountryFactory()
    structure = StructureFactory()
    item = PublishedNewsFactory(
        fields_of_work=[field], countries=[country], lead_structure=structure
    )
    AttachmentFactory(news=item)
    PublishedNewsFactory.create_batch(3, fields_of_work=[field], countries=[country])
    news_index.current()  # a server builds the index of the public news when it starts
    return {"item": item, "field": field, "country": country, "structure": structure}


def test_home_page_reads_two_queries(client, site):
    # The featured stories and the latest news. Its entry points (the Chairpersonship, fields
    # of work, participating States, field operations) are read once per publication state
    # (newsroom/views.py entry_points()), by the first request after a change.
    client.get("/en/")
    assert queries(client, "/en/") == 2


def test_item_page_and_attachment_read_what_they_did(client, site):
    item = site["item"]
    # The item, its six prefetched relations (attachments included), the index's change log,
    # the related items, its published translations (the switcher, hreflang and JSON-LD).
    assert queries(client, item.get_absolute_url()) == 10
    assert queries(client, item.get_absolute_url()) == 10
    assert queries(client, item.attachments.get().get_absolute_url()) == 2


def test_term_pages_read_what_they_did(client, site):
    assert queries(client, site["field"].get_absolute_url()) == 4
    assert queries(client, site["country"].get_absolute_url()) == 4
    assert queries(client, site["structure"].get_absolute_url()) == 5
    assert queries(client, "/en/fields-of-work/") == 1
    assert queries(client, "/en/countries/") == 2
    assert queries(client, "/en/meetings/") == 1
    assert queries(client, "/en/structures/") == 1


def test_robots_txt_reads_nothing(client, site):
    assert queries(client, "/robots.txt") == 0
