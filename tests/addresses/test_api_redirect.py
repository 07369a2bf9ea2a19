"""The API's item detail follows an item's former slugs as the site does: 301 to the item's
current address in the API, never to an item without a public page."""

import pytest

from news.models import NewsItem
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db


def rename(item, slug):
    item.slug = slug
    item.save()
    return item


def test_a_former_slug_redirects_to_the_items_current_address(client):
    rename(PublishedNewsFactory(slug="before", title="Renamed"), "after")

    response = client.get("/api/v1/news/before/")

    assert (response.status_code, response["Location"]) == (301, "/api/v1/news/after/")
    assert client.get(response["Location"]).json()["title"] == "Renamed"


def test_a_former_slug_of_an_unpublished_item_is_not_found(client):
    item = rename(PublishedNewsFactory(slug="before"), "after")
    item.status = NewsItem.Status.DRAFT
    item.save()

    assert client.get("/api/v1/news/before/").status_code == 404
    assert client.get("/api/v1/news/nothing-here/").status_code == 404
