"""A news item attached to a single meeting in the meetings' admin, or detached, takes its
translations with it: a group's meetings are shared."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, MeetingNews
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(english):
    return Meeting.objects.create(
        series=english.meeting_series.get(),
        title="Ministerial Council, Vienna 2025",
        slug="vienna-2025",
        start_date=datetime.date(2025, 12, 4),
        end_date=datetime.date(2025, 12, 5),
    )


def meeting_form(meeting, rows):
    """The meeting's change form as posted: `rows` are (link id or "", news id, delete)."""
    data = {
        "series": meeting.series_id,
        "title": meeting.title,
        "slug": meeting.slug,
        "city": "",
        "country": "",
        "start_date": meeting.start_date.isoformat(),
        "end_date": meeting.end_date.isoformat(),
        "description": "",
        "news_links-TOTAL_FORMS": str(len(rows)),
        "news_links-INITIAL_FORMS": str(sum(1 for link, _n, _d in rows if link)),
        "news_links-MIN_NUM_FORMS": "0",
        "news_links-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, (link, news, delete) in enumerate(rows):
        data[f"news_links-{index}-id"] = link
        data[f"news_links-{index}-meeting"] = meeting.pk
        data[f"news_links-{index}-news"] = news
        if delete:
            data[f"news_links-{index}-DELETE"] = "on"
    return data


def attached(meeting):
    return set(MeetingNews.objects.filter(meeting=meeting).values_list("news", flat=True))


def test_attaching_an_item_attaches_its_translations(client, meeting, russian):
    english = russian.translation_source
    client.force_login(SuperuserFactory())
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = client.post(url, meeting_form(meeting, [("", english.pk, False)]))

    assert response.status_code == 302
    assert attached(meeting) == {english.pk, russian.pk}


def test_detaching_an_item_detaches_its_translations(client, meeting, russian):
    english = russian.translation_source
    first = MeetingNews.objects.create(meeting=meeting, news=english)
    second = MeetingNews.objects.create(meeting=meeting, news=russian)
    client.force_login(SuperuserFactory())
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])

    response = client.post(
        url, meeting_form(meeting, [(first.pk, english.pk, True), (second.pk, russian.pk, False)])
    )

    assert response.status_code == 302
    assert attached(meeting) == set()
