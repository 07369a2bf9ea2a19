"""Editors attach news to a meeting from the meeting's admin page (an inline with an
autocomplete); a meeting cannot end before it starts."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import MeetingSeriesFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return Meeting.objects.create(
        series=MeetingSeriesFactory(),
        title="OSCE Summit, Astana 2010",
        slug="astana-2010",
        start_date=datetime.date(2010, 12, 1),
        end_date=datetime.date(2010, 12, 2),
    )


def form_data(meeting, **changes):
    data = {
        "series": meeting.series_id,
        "title": meeting.title,
        "slug": meeting.slug,
        "city": "Astana",
        "country": "",
        "start_date": "2010-12-01",
        "end_date": "2010-12-02",
        "description": "",
        "news_links-TOTAL_FORMS": 0,
        "news_links-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("page", ["changelist", "add", "change"])
def test_meeting_admin_pages_load(admin_client, meeting, page):
    args = [meeting.pk] if page == "change" else []
    response = admin_client.get(reverse(f"admin:meetings_meeting_{page}", args=args))
    assert response.status_code == 200


def test_news_is_attached_through_the_meeting_inline(admin_client, meeting):
    item = PublishedNewsFactory(title="Astana Commemorative Declaration adopted")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="news_links-0-news"' in page
    response = admin_client.post(
        url,
        form_data(meeting, **{"news_links-TOTAL_FORMS": 1, "news_links-0-news": item.pk}),
    )
    assert response.status_code == 302
    assert list(meeting.news.all()) == [item]


def test_a_meeting_ending_before_it_starts_is_refused(admin_client, meeting):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = admin_client.post(url, form_data(meeting, end_date="2010-11-30"))
    assert response.status_code == 200
    assert "A meeting cannot end before it starts." in response.content.decode()
