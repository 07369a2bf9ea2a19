"""RSS 2.0 and Atom feeds of /news/, for any filter of the list."""

import datetime
import re

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db

FEEDS = [("news:rss", "rss20"), ("news:atom", "atom10")]


@pytest.fixture
def media_in_serbia():
    media = FieldOfWorkFactory(name="Media freedom and development", slug="media-freedom")
    other_field = FieldOfWorkFactory(name="Elections", slug="elections")
    mission = StructureFactory(name="Mission to Serbia", slug="mission-to-serbia")
    other = StructureFactory(name="Mission to Moldova", slug="mission-to-moldova")
    wanted = PublishedNewsFactory(
        title="Journalists trained in Belgrade",
        lede="Forty journalists took part.",
        lead_structure=mission,
        fields_of_work=[media],
    )
    PublishedNewsFactory(title="Other field", lead_structure=mission, fields_of_work=[other_field])
    PublishedNewsFactory(title="Other mission", lead_structure=other, fields_of_work=[media])
    return wanted


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize(("name", "version"), FEEDS)
def test_feed_parses_as_valid_rss_or_atom(client, media_in_serbia, name, version):
    response, parsed = parse(client, reverse(name))

    assert parsed.version == version
    assert len(parsed.entries) == 3
    assert response["Content-Type"].startswith(
        "application/rss+xml" if version == "rss20" else "application/atom+xml"
    )


@pytest.mark.parametrize(("name", "version"), FEEDS)
def test_a_filtered_feed_has_only_the_filtered_items_and_names_the_filters(
    client, media_in_serbia, name, version
):
    query = "?field=media-freedom&structure=mission-to-serbia"

    _response, parsed = parse(client, reverse(name) + query)

    assert [entry.title for entry in parsed.entries] == ["Journalists trained in Belgrade"]
    assert parsed.feed.title.endswith(
        "News — Media freedom and development; Mission to Serbia"
    )
    assert parsed.feed.link.endswith(reverse("news:list") + query)


@pytest.mark.parametrize(("name", "version"), FEEDS)
def test_feed_entries_carry_link_date_lede_and_fields_of_work(
    client, media_in_serbia, name, version
):
    query = "?field=media-freedom&structure=mission-to-serbia"

    _response, parsed = parse(client, reverse(name) + query)

    entry = parsed.entries[0]
    assert entry.link.endswith(media_in_serbia.get_absolute_url())
    assert entry.summary == "Forty journalists took part."
    assert [tag.term for tag in entry.tags] == ["Media freedom and development"]
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - media_in_serbia.published_at) < datetime.timedelta(seconds=1)


@pytest.mark.parametrize(("name", "version"), FEEDS)
def test_feed_has_the_twenty_most_recently_published_items(client, name, version):
    now = timezone.now()
    for hours in range(25):
        PublishedNewsFactory(
            title=f"Published {hours} hours ago",
            published_at=now - datetime.timedelta(hours=hours + 1),
        )

    _response, parsed = parse(client, reverse(name))

    assert [entry.title for entry in parsed.entries] == [
        f"Published {hours} hours ago" for hours in range(20)
    ]


@pytest.mark.parametrize(("name", "version"), FEEDS)
def test_a_feed_with_invalid_filters_is_refused(client, media_in_serbia, name, version):
    response = client.get(reverse(name) + "?field=no-such-field&year=abc")

    assert response.status_code == 400
    assert "no-such-field" in response.content.decode()


def test_the_list_page_links_the_feeds_of_its_filters(client, media_in_serbia):
    query = "?field=media-freedom&structure=mission-to-serbia"

    content = client.get(reverse("news:list") + query + "&sort=oldest&page=1", follow=True)
    content = content.content.decode()

    links = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', content)
    feed_query = query.replace("&", "&amp;")
    assert ("application/rss+xml", reverse("news:rss") + feed_query) in links
    assert ("application/atom+xml", reverse("news:atom") + feed_query) in links
    for _type, href in links:
        _response, parsed = parse(client, href.replace("&amp;", "&"))
        assert [entry.title for entry in parsed.entries] == ["Journalists trained in Belgrade"]
