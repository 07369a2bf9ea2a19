"""At 60,000 items the sitemap index lists children that together list every public address
exactly once and nothing unpublished; no child lists more than its limit."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from news.models import NewsItem
from newsroom import freshness
from tests.factories import StructureFactory, hidden_news
from tests.pages.sitemap_reader import path_of, read_child, read_index

pytestmark = pytest.mark.django_db

ITEMS = 60_000


def bulk_published(count, years):
    """`count` published items issued over `years` (as the demo loader writes them)."""
    lead = StructureFactory()
    published_at = timezone.now() - datetime.timedelta(days=1)
    NewsItem.objects.bulk_create(
        (
            NewsItem(
                title=f"Item {n}",
                slug=f"item-{n}",
                lede="A lede.",
                body="<p>A body.</p>",
                date_issued=datetime.date(years[n % len(years)], 1 + n % 12, 1 + n % 28),
                lead_structure=lead,
                status=NewsItem.Status.PUBLISHED,
                published_at=published_at,
            )
            for n in range(count)
        ),
        batch_size=5_000,
    )
    freshness.changed()  # bulk_create sends no signal
    return {f"http://testserver/en/news/item-{n}/" for n in range(count)}


def read_everything(client):
    """{child sitemap address: [addresses]} of every child the index lists."""
    return {
        path_of(location): [entry for entry, _ in read_child(client, location)]
        for location, _ in read_index(client)
    }


# 7,000 a child: the 60,000 items need several children and a year needs ?p=2 (at the
# default 50,000, the largest year here fits one child; limit() caps any setting there).
@pytest.mark.parametrize("limit", [7_000])
def test_children_list_every_public_address_once_and_nothing_unpublished(client, settings, limit):
    settings.SITEMAP_LIMIT = limit
    public = bulk_published(ITEMS, years=[2023, 2024, 2025, 2025, 2025, 2025])
    hidden = {f"http://testserver{item.get_absolute_url()}" for item in hidden_news()}

    children = read_everything(client)

    listed = Counter(address for addresses in children.values() for address in addresses)
    news = {address for address in listed if "/en/news/" in address}
    assert news == public
    assert not hidden & set(listed)
    assert max(listed.values()) == 1
    assert max(len(addresses) for addresses in children.values()) <= limit
    # 40,000 items issued in 2025: with a limit below that, the year goes on at ?p=2.
    assert ("/sitemap-news-2025.xml?p=2" in children) == (limit < 40_000)
