import datetime

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ChairpersonshipFactory, CountryFactory, PublishedNewsFactory
from tests.pages.checks import assert_hides

pytestmark = pytest.mark.django_db


def test_home_lists_latest_published_news_newest_first(client):
    older = PublishedNewsFactory(title="Older item", date_issued=datetime.date(2024, 1, 5))
    newer = PublishedNewsFactory(title="Newer item", date_issued=datetime.date(2025, 6, 1))

    content = client.get(reverse("home")).content.decode()

    assert content.index(newer.title) < content.index(older.title)
    assert newer.get_absolute_url() in content
    assert "1 June 2025" in content


def test_home_never_shows_unpublished_items(client, make_hidden):
    PublishedNewsFactory(title="Visible item")
    hidden = make_hidden()

    content = client.get(reverse("home")).content.decode()

    assert "Visible item" in content
    assert_hides(content, hidden)


def test_item_published_a_minute_ago_is_on_home(client):
    PublishedNewsFactory(
        title="Just published", published_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert "Just published" in client.get(reverse("home")).content.decode()


def test_home_shows_ten_items_and_links_to_all_news(client):
    for day in range(1, 13):
        PublishedNewsFactory(
            title=f"Item of day {day:02d}", date_issued=datetime.date(2025, 1, day)
        )

    content = client.get(reverse("home")).content.decode()

    assert "Item of day 12" in content and "Item of day 03" in content
    assert "Item of day 02" not in content and "Item of day 01" not in content
    assert f'href="{reverse("news:list")}"' in content


def test_home_names_this_years_chairpersonship(client):
    finland = CountryFactory(name="Finland", slug="finland")
    ChairpersonshipFactory(year=timezone.localdate().year, country=finland)
    ChairpersonshipFactory(year=timezone.localdate().year - 1, country=CountryFactory(name="Malta"))

    content = client.get(reverse("home")).content.decode()

    assert "Finland" in content
    assert finland.get_absolute_url() in content
    assert "Malta" not in content


def test_home_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    PublishedNewsFactory()
    with CaptureQueriesContext(connection) as one_item:
        client.get(reverse("home"))
    PublishedNewsFactory.create_batch(11)
    with django_assert_max_num_queries(2):
        with CaptureQueriesContext(connection) as many_items:
            client.get(reverse("home"))
    assert len(many_items) == len(one_item)


def test_card_of_an_item_with_a_lead_image_shows_a_thumbnail(client):
    PublishedNewsFactory(
        title="With a picture",
        image=factory.django.ImageField(filename="photo.jpg", width=1200, height=800),
        image_alt="Two delegates",
    )

    content = client.get(reverse("home")).content.decode()

    card = content[content.index('class="card card-with-image"') :]
    card = card[: card.index("</article>")]
    assert 'alt="Two delegates"' in card and 'loading="lazy"' in card and "srcset=" in card


def test_home_thumbnails_cost_no_query(client):
    PublishedNewsFactory()
    with CaptureQueriesContext(connection) as without_images:
        client.get(reverse("home"))
    PublishedNewsFactory.create_batch(
        3, image=factory.django.ImageField(filename="photo.jpg", width=900, height=600)
    )
    with CaptureQueriesContext(connection) as with_images:
        content = client.get(reverse("home")).content.decode()
    assert content.count("card-with-image") == 3
    assert len(with_images) == len(without_images)
