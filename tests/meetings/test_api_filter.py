"""The JSON API's news list takes the single-meeting filter (?event=) from the table of
facets, as the site's list does: the same results and counts, the same refusals."""

import datetime

import pytest

from meetings.models import Meeting
from tests.factories import MeetingSeriesFactory, NewsItemFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db

KEY = "ministerial-council~vienna-2025"


@pytest.fixture
def vienna():
    council = Meeting.objects.create(
        series=MeetingSeriesFactory(slug="ministerial-council"),
        title="32nd Ministerial Council, Vienna 2025",
        slug="vienna-2025",
        start_date=datetime.date(2025, 12, 4),
        end_date=datetime.date(2025, 12, 5),
    )
    council.news.add(
        PublishedNewsFactory(slug="decisions-adopted"),
        PublishedNewsFactory(slug="chair-closes"),
        NewsItemFactory(slug="draft-statement"),
    )
    PublishedNewsFactory(slug="unrelated")
    return council


def test_the_api_lists_a_meetings_published_news_and_counts_it(client, vienna):
    response = client.get(f"/api/v1/news/?event={KEY}&facets=event,meeting")
    data = response.json()

    assert response.status_code == 200
    assert sorted(item["slug"] for item in data["results"]) == ["chair-closes", "decisions-adopted"]
    assert data["count"] == 2
    assert data["facets"]["event"] == [
        {
            "value": KEY,
            "label": "32nd Ministerial Council, Vienna 2025",
            "count": 2,
            "selected": True,
            "depth": 0,
        }
    ]


@pytest.mark.parametrize("value", ["vienna-2025", "ministerial-council~nope", "~"])
def test_an_unknown_meeting_is_a_400_naming_the_parameter(client, vienna, value):
    response = client.get(f"/api/v1/news/?event={value}")

    assert response.status_code == 400
    assert "event" in response.json()["errors"]
