"""Every address a page has had keeps reaching it: an old slug answers a permanent redirect
(301) to the current address, in one hop, and never leads to what the public may not see."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from addresses.models import OldSlug
from news.models import NewsItem
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


def test_an_items_old_address_redirects_permanently_to_its_current_one(client):
    item = rename(PublishedNewsFactory(slug="mission-opens-office"), "mission-opens-new-office")

    response = client.get("/en/news/mission-opens-office/")

    assert response.status_code == 301
    assert response["Location"] == "/en/news/mission-opens-new-office/"
    assert client.get(response["Location"]).context["item"] == item
    assert not response.cookies


def test_a_chain_of_renames_reaches_the_current_address_in_one_hop(client):
    item = PublishedNewsFactory(slug="first")
    rename(item, "second")
    rename(item, "third")

    for old in ("first", "second"):
        response = client.get(f"/en/news/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/en/news/third/")
    assert client.get("/en/news/third/").status_code == 200


def test_an_old_address_of_an_unpublished_item_is_not_found(client):
    now = timezone.now()
    states = {
        "draft": {"status": NewsItem.Status.DRAFT},
        "review": {"status": NewsItem.Status.REVIEW},
        "scheduled": {
            "status": NewsItem.Status.PUBLISHED,
            "published_at": now + datetime.timedelta(hours=1),
        },
    }
    for name, values in states.items():
        rename(NewsItemFactory(slug=f"{name}-before", **values), f"{name}-after")

    for name in states:
        assert client.get(f"/en/news/{name}-before/").status_code == 404, name
        assert client.get(f"/en/news/{name}-after/").status_code == 404, name


def test_an_item_unpublished_after_its_rename_is_no_longer_reached(client):
    item = rename(PublishedNewsFactory(slug="old-name"), "new-name")
    assert client.get("/en/news/old-name/").status_code == 301

    item.status = NewsItem.Status.DRAFT
    item.save()

    assert client.get("/en/news/old-name/").status_code == 404


def test_a_withdrawn_items_old_address_redirects_to_its_withdrawal_notice(client):
    item = rename(PublishedNewsFactory(slug="old-name"), "new-name")
    item.status = NewsItem.Status.WITHDRAWN
    item.withdrawn_at = timezone.now()
    item.withdrawal_notice = "Withdrawn: the figures were wrong."
    item.save()

    response = client.get("/en/news/old-name/", follow=True)

    assert response.redirect_chain == [("/en/news/new-name/", 301)]
    assert "the figures were wrong" in response.content.decode()


def test_a_new_item_taking_an_old_slug_gets_its_own_page(client):
    rename(PublishedNewsFactory(slug="shared-name", title="The first"), "first-renamed")
    PublishedNewsFactory(slug="shared-name", title="The second")

    response = client.get("/en/news/shared-name/")

    assert response.status_code == 200
    assert response.context["item"].title == "The second"


def test_an_old_slug_taken_by_a_draft_still_leads_to_the_published_item(client):
    rename(PublishedNewsFactory(slug="shared-name"), "first-renamed")
    NewsItemFactory(slug="shared-name", status=NewsItem.Status.DRAFT, title="Secret draft")

    response = client.get("/en/news/shared-name/")

    assert (response.status_code, response["Location"]) == (301, "/en/news/first-renamed/")


def test_an_old_slug_given_up_twice_leads_to_its_latest_owner(client):
    rename(PublishedNewsFactory(slug="shared-name"), "first-renamed")
    rename(PublishedNewsFactory(slug="shared-name"), "second-renamed")

    response = client.get("/en/news/shared-name/")

    assert response["Location"] == "/en/news/second-renamed/"
    assert OldSlug.objects.filter(slug="shared-name").count() == 1


def test_a_deleted_items_old_address_is_not_found(client):
    item = rename(PublishedNewsFactory(slug="old-name"), "new-name")
    item.delete()

    assert client.get("/en/news/old-name/").status_code == 404
    assert not OldSlug.objects.exists()


def test_a_save_that_keeps_the_slug_records_nothing():
    item = PublishedNewsFactory(slug="same")
    item.title = "A better title"
    item.save()

    assert not OldSlug.objects.exists()


def test_a_raw_save_records_the_old_slug_too(client):
    """As reversion saves a restored revision (and loaddata a fixture's row)."""
    item = PublishedNewsFactory(slug="current-name")
    item.slug = "restored-name"
    NewsItem.save_base(item, raw=True)

    response = client.get("/en/news/current-name/")

    assert (response.status_code, response["Location"]) == (301, "/en/news/restored-name/")


def test_an_unknown_address_is_still_not_found(client):
    PublishedNewsFactory(slug="an-item")

    assert client.get("/en/news/no-such-item/").status_code == 404


def test_the_current_address_costs_no_old_slug_lookup(client):
    item = rename(PublishedNewsFactory(slug="before"), "current")

    with CaptureQueriesContext(connection) as queries:
        assert client.get(item.get_absolute_url()).status_code == 200
    assert not [query for query in queries if OldSlug._meta.db_table in query["sql"]]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/news/before/").status_code == 301
    assert [query for query in queries if OldSlug._meta.db_table in query["sql"]]


@pytest.mark.parametrize(
    ("factory", "prefix"),
    [
        (FieldOfWorkFactory, "/en/fields-of-work/"),
        (CountryFactory, "/en/countries/"),
        (MeetingSeriesFactory, "/en/meetings/"),
        (StructureFactory, "/en/structures/"),
    ],
)
def test_a_terms_old_addresses_redirect_to_its_page(client, factory, prefix):
    term = factory(slug="old-term")
    rename(term, "middle-term")
    rename(term, "new-term")

    for old in ("old-term", "middle-term"):
        response = client.get(f"{prefix}{old}/")
        assert (response.status_code, response["Location"]) == (301, f"{prefix}new-term/")
    assert client.get(f"{prefix}new-term/").status_code == 200
    assert client.get(f"{prefix}never-was/").status_code == 404


def test_old_slugs_are_kept_per_kind(client):
    rename(CountryFactory(slug="same-word"), "a-country")
    rename(StructureFactory(slug="same-word"), "a-structure")

    assert client.get("/en/countries/same-word/")["Location"] == "/en/countries/a-country/"
    assert client.get("/en/structures/same-word/")["Location"] == "/en/structures/a-structure/"
    assert client.get(reverse("news:detail", args=["same-word"])).status_code == 404
