"""A client walking the list by its cursor sees every item once, even while news is published
between two of its pages."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def walk(client, url, between=None):
    """The slugs of every page from `url` on, calling `between(page number)` after each."""
    slugs, number = [], 0
    while url:
        data = client.get(url).json()
        slugs.extend(item["slug"] for item in data["results"])
        url = data["next"]
        number += 1
        if between and url:
            between(number)
    return slugs


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_walking_the_whole_list_gives_each_item_once_in_order(client, world, sort):
    everything = client.get(f"/api/v1/news/?sort={sort}&page_size=100").json()["results"]

    slugs = walk(client, f"/api/v1/news/?sort={sort}&page_size=7")

    assert slugs == [item["slug"] for item in everything]
    assert len(slugs) == len(world.items)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_items_published_between_two_pages_neither_repeat_nor_hide_others(client, world, sort):
    before = walk(client, f"/api/v1/news/?sort={sort}&page_size=5")
    added = []

    def publish(number):
        # One item at each end of the list and one in the middle, i.e. among the pages
        # already read and the pages still to come.
        for date in (
            datetime.date(2030, 1, 1),
            datetime.date(2000, 1, 1),
            world.items[7].date_issued,
        ):
            added.append(world.add(100 + len(added), date_issued=date).slug)

    during = walk(client, f"/api/v1/news/?sort={sort}&page_size=5", between=publish)

    assert len(during) == len(set(during)), "no item twice"
    assert set(before) <= set(during), "no item that was there is skipped"
    assert set(during) - set(before) <= set(added)


def test_page_numbers_would_have_repeated_an_item(client, world):
    """What the cursor prevents: with offsets, an item published meanwhile pushes the last item
    of the page read onto the next page (this checks that the test above can fail)."""
    first = client.get("/api/v1/news/?page_size=5").json()
    world.add(200, date_issued=datetime.date(2030, 1, 1))

    by_offset = client.get("/api/v1/news/?page_size=10").json()["results"][5:10]
    by_cursor = client.get(first["next"]).json()["results"]

    assert by_offset[0]["slug"] == first["results"][-1]["slug"]
    assert first["results"][-1]["slug"] not in [item["slug"] for item in by_cursor]


def test_the_cursor_keeps_the_filters_of_the_link(client, world):
    slugs = walk(client, "/api/v1/news/?field=security&page_size=4")
    everything = client.get("/api/v1/news/?field=security&page_size=100").json()

    assert slugs == [item["slug"] for item in everything["results"]]
    assert everything["count"] == len(slugs)


def test_relevance_walks_by_position(client, world):
    everything = client.get("/api/v1/news/?q=water&page_size=100").json()["results"]

    slugs = walk(client, "/api/v1/news/?q=water&page_size=3")

    assert slugs == [item["slug"] for item in everything]
    assert slugs


def test_the_last_page_has_no_next(client, world):
    data = client.get("/api/v1/news/?page_size=30").json()

    assert len(data["results"]) == 30
    assert data["next"] is None
    assert data["next_cursor"] is None
