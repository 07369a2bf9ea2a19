"""A feed is shared by every follower: one bad item, however it was stored, never takes it
down, and what it carries is text or cleaned HTML."""

import html
import logging

import feedparser
import pytest
from django.urls import reverse

from news.models import NewsItem
from tests.factories import FieldOfWorkFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db

FEEDS = ["news:rss", "news:atom"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("name", FEEDS)
def test_a_title_with_control_characters_is_served_cleaned(client, name):
    item = PublishedNewsFactory(title="Observers deployed")
    PublishedNewsFactory(title="Another item")
    NewsItem.objects.filter(pk=item.pk).update(title="Observers\x0b\x0c deployed")

    _response, parsed = parse(client, reverse(name))

    assert sorted(entry.title for entry in parsed.entries) == [
        "Another item",
        "Observers deployed",
    ]


@pytest.mark.parametrize("name", FEEDS)
def test_control_characters_in_a_lede_and_a_term_name_are_left_out(client, name):
    field = FieldOfWorkFactory(name="Elections", slug="elections")
    item = PublishedNewsFactory(fields_of_work=[field])
    NewsItem.objects.filter(pk=item.pk).update(lede="Forty\x01 observers\x1f.")
    type(field).objects.filter(pk=field.pk).update(name="Elec\x0btions")

    _response, parsed = parse(client, reverse(name) + "?field=elections")

    assert parsed.entries[0].summary == "Forty observers."
    assert parsed.feed.title.endswith("Elections")
    assert [tag.term for tag in parsed.entries[0].tags] == ["Elections"]


@pytest.mark.parametrize("name", FEEDS)
def test_a_lede_with_markup_is_carried_as_text(client, name):
    lede = '<script>x</script><img src=x onerror="alert(1)"> & more'
    item = PublishedNewsFactory()
    NewsItem.objects.filter(pk=item.pk).update(lede=lede)

    response = client.get(reverse(name))

    assert response.status_code == 200
    body = response.content.decode()
    # In the XML, the markup is escaped twice: once as text in HTML, once as XML.
    assert "&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;" in body
    assert "&lt;script" not in body.replace("&amp;lt;script", "")
    # A reader takes the summary as HTML: it holds no element, and reads as the lede.
    summary = feedparser.parse(response.content, sanitize_html=False).entries[0].summary
    assert "<" not in summary
    assert html.unescape(summary) == lede


@pytest.mark.parametrize("name", FEEDS)
def test_an_item_whose_entry_cannot_be_made_is_left_out_and_logged(client, caplog, name):
    PublishedNewsFactory(title="A good item")
    bad = PublishedNewsFactory(title="A bad item")
    # A slug no URL accepts: its link cannot be made.
    NewsItem.objects.filter(pk=bad.pk).update(slug="not a slug/")

    with caplog.at_level(logging.WARNING, logger="newsroom.feeds"):
        _response, parsed = parse(client, reverse(name))

    assert [entry.title for entry in parsed.entries] == ["A good item"]
    [record] = [r for r in caplog.records if r.name == "newsroom.feeds"]
    assert record.levelno == logging.WARNING
    assert str(bad.pk) in record.getMessage()
