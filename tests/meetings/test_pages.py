"""A meeting's page under its series lists its public news and their documents; the series
page lists its meetings."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import Meeting
from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    series = MeetingSeriesFactory(
        name="Ministerial Council meetings", slug="ministerial-council-meetings"
    )
    malta = CountryFactory(name="Malta", slug="malta")
    return Meeting.objects.create(
        series=series,
        title="31st Ministerial Council, Valletta 2024",
        slug="valletta-2024",
        city="Valletta",
        country=malta,
        start_date=datetime.date(2024, 12, 5),
        end_date=datetime.date(2024, 12, 6),
    )


def test_meeting_page_lives_under_its_series(client, council):
    assert council.get_absolute_url() == "/en/meetings/ministerial-council-meetings/valletta-2024/"
    response = client.get(council.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "31st Ministerial Council, Valletta 2024" in text
    assert "5 December 2024" in text and "6 December 2024" in text
    assert "Valletta, Malta" in text
    assert f'href="{council.series.get_absolute_url()}"' in text


def test_meeting_page_lists_its_public_news_and_their_documents_only(client, council):
    public = PublishedNewsFactory(title="Ministers adopt decisions")
    AttachmentFactory(news=public, title="Decision on border security")
    draft = NewsItemFactory(title="Draft statement")
    AttachmentFactory(news=draft, title="Draft document")
    scheduled = PublishedNewsFactory(
        title="Closing statement, later",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    withdrawn = PublishedNewsFactory(title="Withdrawn item", status=NewsItem.Status.WITHDRAWN)
    AttachmentFactory(news=withdrawn, title="Withdrawn document")
    unrelated = PublishedNewsFactory(title="Another meeting's news")
    council.news.add(public, draft, scheduled, withdrawn)

    text = client.get(council.get_absolute_url()).content.decode()
    assert "Ministers adopt decisions" in text
    assert "Decision on border security" in text
    attachment = public.attachments.get()
    assert f'href="{attachment.get_absolute_url()}"' in text
    for hidden in (
        "Draft statement",
        "Draft document",
        "Closing statement, later",
        "Withdrawn item",
        "Withdrawn document",
        unrelated.title,
    ):
        assert hidden not in text


def test_meeting_page_without_news_says_so(client, council):
    text = client.get(council.get_absolute_url()).content.decode()
    assert "No news has been published about this meeting yet." in text


def test_meeting_of_another_series_or_unknown_is_404(client, council):
    other = MeetingSeriesFactory(slug="summit-meetings")
    assert client.get(f"/en/meetings/{other.slug}/{council.slug}/").status_code == 404
    assert client.get(f"/en/meetings/{council.series.slug}/no-such-meeting/").status_code == 404


def test_series_page_lists_its_meetings_newest_first(client, council):
    Meeting.objects.create(
        series=council.series,
        title="30th Ministerial Council, Skopje 2023",
        slug="skopje-2023",
        city="Skopje",
        start_date=datetime.date(2023, 11, 30),
        end_date=datetime.date(2023, 12, 1),
    )
    text = client.get(council.series.get_absolute_url()).content.decode()
    valletta = text.index(f'href="{council.get_absolute_url()}"')
    skopje = text.index('href="/en/meetings/ministerial-council-meetings/skopje-2023/"')
    assert valletta < skopje


def test_an_online_meeting_says_so(client, council):
    council.online = True
    council.save()
    assert "Valletta, Malta (online)" in client.get(council.get_absolute_url()).content.decode()


def test_meeting_page_sets_no_cookie(client, council):
    response = client.get(council.get_absolute_url())
    assert not response.cookies


def test_series_and_meeting_pages_read_as_many_queries_with_more_meetings_and_news(client, council):
    def count(path):
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context.captured_queries)

    item = PublishedNewsFactory()
    AttachmentFactory(news=item)
    council.news.add(item)
    series_page, meeting_page = (
        count(council.series.get_absolute_url()),
        count(council.get_absolute_url()),
    )
    for year in range(2014, 2024):
        Meeting.objects.create(
            series=council.series,
            title=f"Council {year}",
            slug=f"council-{year}",
            country=council.country,
            start_date=datetime.date(year, 12, 1),
            end_date=datetime.date(year, 12, 2),
        )
    for _ in range(5):
        item = PublishedNewsFactory()
        AttachmentFactory(news=item)
        council.news.add(item)
    assert count(council.series.get_absolute_url()) == series_page
    assert count(council.get_absolute_url()) == meeting_page
