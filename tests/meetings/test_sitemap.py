"""Meeting pages are in the sitemaps: a child of their own, each page with its last change
(its own save, or the last public change of its news when later)."""

import datetime

import pytest
from django.utils import timezone

from meetings.models import Meeting
from news.models import NewsItem
from tests.factories import MeetingSeriesFactory, NewsItemFactory, PublishedNewsFactory
from tests.pages.sitemap_reader import all_locations, path_of, read_child, read_index

pytestmark = pytest.mark.django_db

CHILD = "/sitemap-meeting-pages.xml"


def meeting(slug, year):
    return Meeting.objects.create(
        series=MeetingSeriesFactory(slug=f"series-{slug}"),
        title=f"Meeting {slug}",
        slug=slug,
        start_date=datetime.date(year, 12, 1),
        end_date=datetime.date(year, 12, 2),
    )


def day(moment):
    return timezone.localdate(moment).isoformat()


def test_the_index_lists_the_meeting_pages_child(client):
    meeting("basel-2014", 2014)
    assert CHILD in [path_of(location) for location, _ in read_index(client)]


def test_every_meeting_page_is_listed_with_or_without_news(client):
    quiet, busy = meeting("basel-2014", 2014), meeting("vienna-2025", 2025)
    busy.news.add(PublishedNewsFactory())

    listed = {location for location, _ in read_child(client, CHILD)}

    # Each in every interface language.
    assert listed == {
        f"http://testserver/{code}{meeting.get_absolute_url().removeprefix('/en')}"
        for meeting in (quiet, busy)
        for code in ("en", "ru", "fr", "de")
    }
    assert f"http://testserver{busy.get_absolute_url()}" in all_locations(client)


def test_lastmod_is_the_meetings_save_or_its_latest_public_news(client):
    now = timezone.now()
    quiet, busy = meeting("basel-2014", 2014), meeting("vienna-2025", 2025)
    Meeting.objects.update(updated_at=now - datetime.timedelta(days=40))
    public = PublishedNewsFactory()
    draft = NewsItemFactory()  # its later save is no public change
    busy.news.add(public, draft)
    NewsItem.objects.filter(pk=public.pk).update(
        published_at=now - datetime.timedelta(days=5), updated_at=now - datetime.timedelta(days=7)
    )
    NewsItem.objects.filter(pk=draft.pk).update(updated_at=now - datetime.timedelta(days=1))

    entries = dict(read_child(client, CHILD))
    [(_, child_lastmod)] = [entry for entry in read_index(client) if CHILD in entry[0]]

    assert entries[f"http://testserver{quiet.get_absolute_url()}"] == day(
        now - datetime.timedelta(days=40)
    )
    assert entries[f"http://testserver{busy.get_absolute_url()}"] == day(
        now - datetime.timedelta(days=5)
    )
    assert child_lastmod.startswith(day(now - datetime.timedelta(days=5)))


def test_a_new_meeting_enters_the_sitemap_at_once(client):
    meeting("basel-2014", 2014)
    assert len(read_child(client, CHILD)) == 4  # in each interface language

    added = meeting("vienna-2025", 2025)

    assert f"http://testserver{added.get_absolute_url()}" in dict(read_child(client, CHILD))
