"""Attaching news to a meeting, detaching it and deleting the meeting, in the meeting's admin
page (an inline: rows saved one by one, no m2m_changed), show on /news/?event= at once: the
index of the public news, its counts and the cached pages follow."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting, MeetingNews
from newsroom.models import Change
from tests.factories import MeetingSeriesFactory, NewsItemFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db

LIST = reverse("news:list")
KEY = "summit-meetings~astana-2010"


@pytest.fixture
def summit():
    return Meeting.objects.create(
        series=MeetingSeriesFactory(name="Summit meetings", slug="summit-meetings"),
        title="OSCE Summit, Astana 2010",
        slug="astana-2010",
        start_date=datetime.date(2010, 12, 1),
        end_date=datetime.date(2010, 12, 2),
    )


def form_data(meeting, rows=(), new=()):
    """The meeting's change form with its inline: `rows` [(row, delete)] and `new` items."""
    data = {
        "series": meeting.series_id,
        "title": meeting.title,
        "slug": meeting.slug,
        "city": "",
        "country": "",
        "start_date": meeting.start_date.isoformat(),
        "end_date": meeting.end_date.isoformat(),
        "description": "",
        "news_links-TOTAL_FORMS": len(rows) + len(new),
        "news_links-INITIAL_FORMS": len(rows),
    }
    for number, (row, delete) in enumerate(rows):
        prefix = f"news_links-{number}-"
        data.update(
            {prefix + "id": row.pk, prefix + "meeting": meeting.pk, prefix + "news": row.news_id}
        )
        if delete:
            data[prefix + "DELETE"] = "on"
    for number, item in enumerate(new, start=len(rows)):
        data[f"news_links-{number}-news"] = item.pk
    return data


def shown(client, query=""):
    response = client.get(LIST + query, follow=True)
    return response


def event_count(client):
    """The count beside the meeting on /news/, None when it is not offered."""
    response = shown(client)
    counts = {
        c.value: c.count
        for c in response.context["facets"]["meeting"].choices
        if c.param == "event"
    }
    return counts.get(KEY)


def listed(client):
    response = shown(client, f"?event={KEY}")
    if response.status_code != 200:
        return None
    return {item.title for item in response.context["page_obj"].object_list}


def save(admin_client, meeting, **rows):
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = admin_client.post(url, form_data(meeting, **rows))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_attaching_a_published_item_in_the_admin_shows_it_under_the_filter_at_once(
    client, admin_client, summit
):
    first = PublishedNewsFactory(title="Astana Declaration adopted")
    second = PublishedNewsFactory(title="Heads of State meet in Astana")
    summit.news.add(first)
    assert event_count(client) == 1  # the index is built, the page cached

    save(admin_client, summit, rows=[(MeetingNews.objects.get(), False)], new=[second])

    assert Change.objects.filter(item=second.pk).exists()
    assert event_count(client) == 2
    assert listed(client) == {"Astana Declaration adopted", "Heads of State meet in Astana"}


def test_the_first_published_item_attached_makes_the_meeting_a_choice(client, admin_client, summit):
    item = PublishedNewsFactory(title="Astana Declaration adopted")
    assert event_count(client) is None
    assert shown(client, f"?event={KEY}").status_code == 400

    save(admin_client, summit, new=[item])

    assert event_count(client) == 1
    assert listed(client) == {"Astana Declaration adopted"}


def test_attaching_a_draft_changes_nothing_a_visitor_sees(client, admin_client, summit):
    summit.news.add(PublishedNewsFactory(title="Astana Declaration adopted"))
    assert event_count(client) == 1
    draft = NewsItemFactory(title="Draft about Astana")
    changes = Change.objects.count()

    save(admin_client, summit, rows=[(MeetingNews.objects.get(), False)], new=[draft])

    assert Change.objects.count() == changes  # nothing public changed: nothing recorded
    assert event_count(client) == 1
    assert listed(client) == {"Astana Declaration adopted"}


def test_detaching_an_item_in_the_admin_removes_it_at_once(client, admin_client, summit):
    kept = PublishedNewsFactory(title="Astana Declaration adopted")
    removed = PublishedNewsFactory(title="Attached by mistake")
    summit.news.add(kept, removed)
    assert event_count(client) == 2
    rows = [(row, row.news_id == removed.pk) for row in MeetingNews.objects.order_by("pk")]

    save(admin_client, summit, rows=rows)

    assert event_count(client) == 1
    assert listed(client) == {"Astana Declaration adopted"}


def test_deleting_the_meeting_removes_its_choice_and_its_links_at_once(
    client, admin_client, summit
):
    item = PublishedNewsFactory(title="Astana Declaration adopted")
    summit.news.add(item)
    assert event_count(client) == 1

    url = reverse("admin:meetings_meeting_delete", args=[summit.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert Change.objects.filter(item=item.pk).exists()
    assert event_count(client) is None
    assert shown(client, f"?event={KEY}").status_code == 400
    assert {i.title for i in shown(client).context["page_obj"].object_list} == {
        "Astana Declaration adopted"
    }


def test_renaming_a_meeting_renames_its_choice_at_once(client, admin_client, summit):
    summit.news.add(PublishedNewsFactory())
    assert event_count(client) == 1
    summit.title = "OSCE Summit in Astana"

    save(admin_client, summit, rows=[(MeetingNews.objects.get(), False)])

    labels = [c.label for c in shown(client).context["facets"]["meeting"].choices]
    assert "OSCE Summit in Astana" in labels


def test_withdrawing_an_attached_item_takes_it_out_of_the_count(client, summit):
    item = PublishedNewsFactory(title="Astana Declaration adopted")
    other = PublishedNewsFactory(title="Heads of State meet in Astana")
    summit.news.add(item, other)
    assert event_count(client) == 2

    item.status = item.Status.WITHDRAWN
    item.save()

    assert event_count(client) == 1
    assert listed(client) == {"Heads of State meet in Astana"}
