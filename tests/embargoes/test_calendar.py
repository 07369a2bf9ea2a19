"""The editorial calendar: what is planned, by month and by week, for those who may edit it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from embargoes.models import Embargo
from meetings.models import Meeting
from news.models import NewsItem
from tests.factories import (
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
)

pytestmark = pytest.mark.django_db

CALENDAR = reverse("embargoes:calendar")


def at(year, month, day, hour=10):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, 0))


@pytest.fixture
def plan(mission_serbia, secretariat_unit, editor):
    """March 2030: a scheduled item, an embargo, a planned draft; and what is not planned."""
    rule_of_law = FieldOfWorkFactory(name="Rule of law", slug="rule-of-law")
    elections = FieldOfWorkFactory(name="Elections", slug="elections")
    scheduled = PublishedNewsFactory(
        title="Scheduled: the Mission's report",
        published_at=at(2030, 3, 14),
        lead_structure=mission_serbia,
        fields_of_work=[rule_of_law],
    )
    embargoed = PublishedNewsFactory(
        title="Embargoed: the election statement",
        published_at=at(2030, 3, 20, 9),
        lead_structure=secretariat_unit,
        fields_of_work=[elections],
    )
    Embargo.objects.create(news=embargoed, lifts_at=at(2030, 3, 20, 9), created_by=editor)
    planned = NewsItemFactory(
        title="Planned: a draft on training",
        planned_for=datetime.date(2030, 3, 5),
        lead_structure=mission_serbia,
        fields_of_work=[elections],
    )
    NewsItemFactory(title="Unplanned draft", lead_structure=mission_serbia)
    PublishedNewsFactory(title="Already public", lead_structure=mission_serbia)
    PublishedNewsFactory(title="Scheduled in April", published_at=at(2030, 4, 2))
    return {"scheduled": scheduled, "embargoed": embargoed, "planned": planned}


def shown(response):
    """{day: [(kind, title), …]} of the grid."""
    return {
        cell["day"]: [(entry.kind, entry.title) for entry in cell["entries"]]
        for week in response.context["grid"]
        for cell in week
        if cell["entries"]
    }


def test_the_month_shows_each_entry_on_its_day_with_a_link_to_the_item(login, editor, plan):
    response = login(editor).get(CALENDAR, {"date": "2030-03-10"})

    assert response.status_code == 200
    assert shown(response) == {
        datetime.date(2030, 3, 5): [("planned", "Planned: a draft on training")],
        datetime.date(2030, 3, 14): [("scheduled", "Scheduled: the Mission's report")],
        datetime.date(2030, 3, 20): [("embargo", "Embargoed: the election statement")],
    }
    content = response.content.decode()
    for item in plan.values():
        assert reverse("admin:news_newsitem_change", args=[item.pk]) in content
    table = content.split('class="editorial-calendar-grid"', 1)[1].split("</table>", 1)[0]
    assert "<caption>March 2030" in table
    assert table.count('<th scope="col">') == 7
    assert '<th scope="col">Monday</th>' in table
    assert "Embargo lifts" in content
    # Whole weeks from Monday: 25 February to 31 March.
    days = [cell["day"] for week in response.context["grid"] for cell in week]
    assert days[0] == datetime.date(2030, 2, 25) and days[-1] == datetime.date(2030, 3, 31)


def test_the_week_shows_only_its_seven_days(login, editor, plan):
    response = login(editor).get(CALENDAR, {"view": "week", "date": "2030-03-14"})

    assert response.status_code == 200
    days = [cell["day"] for week in response.context["grid"] for cell in week]
    assert days == [datetime.date(2030, 3, 11) + datetime.timedelta(days=n) for n in range(7)]
    assert shown(response) == {
        datetime.date(2030, 3, 14): [("scheduled", "Scheduled: the Mission's report")]
    }


def test_month_and_week_navigation_keep_the_filters(login, editor, plan, mission_serbia):
    client = login(editor)
    structure = mission_serbia.slug

    month = client.get(CALENDAR, {"date": "2030-01-31", "structure": structure}).context
    assert month["previous_url"] == f"?view=month&date=2029-12-01&structure={structure}"
    assert month["next_url"] == f"?view=month&date=2030-02-01&structure={structure}"
    assert month["week_url"] == f"?view=week&date=2030-01-31&structure={structure}"

    week = client.get(CALENDAR, {"view": "week", "date": "2030-03-14"}).context
    assert week["previous_url"] == "?view=week&date=2030-03-04"
    assert week["next_url"] == "?view=week&date=2030-03-18"
    assert week["month_url"] == "?view=month&date=2030-03-14"
    # Following the link shows that week.
    following = client.get(CALENDAR + week["next_url"])
    assert shown(following) == {
        datetime.date(2030, 3, 20): [("embargo", "Embargoed: the election statement")]
    }


def test_filters_by_structure_and_field_of_work(login, editor, plan, mission_serbia):
    client = login(editor)

    by_structure = client.get(CALENDAR, {"date": "2030-03-01", "structure": mission_serbia.slug})
    assert {title for entries in shown(by_structure).values() for _k, title in entries} == {
        "Scheduled: the Mission's report",
        "Planned: a draft on training",
    }
    by_field = client.get(CALENDAR, {"date": "2030-03-01", "field": "elections"})
    assert {title for entries in shown(by_field).values() for _k, title in entries} == {
        "Embargoed: the election statement",
        "Planned: a draft on training",
    }
    both = client.get(
        CALENDAR, {"date": "2030-03-01", "field": "elections", "structure": mission_serbia.slug}
    )
    assert [title for entries in shown(both).values() for _k, title in entries] == [
        "Planned: a draft on training"
    ]


def test_a_publisher_sees_only_their_structures_items(
    login, publisher_serbia, plan, secretariat_unit
):
    client = login(publisher_serbia)

    response = client.get(CALENDAR, {"date": "2030-03-01"})
    assert response.status_code == 200
    titles = {title for entries in shown(response).values() for _k, title in entries}
    assert titles == {"Scheduled: the Mission's report", "Planned: a draft on training"}
    assert "Embargoed: the election statement" not in response.content.decode()
    # Another structure is not among the choices: asking for it is a 400.
    other = client.get(CALENDAR, {"date": "2030-03-01", "structure": secretariat_unit.slug})
    assert other.status_code == 400
    assert "Embargoed: the election statement" not in other.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"view": "year"},
        {"date": "2030-02-30"},
        {"date": "yesterday"},
        {"date": "0001-01-01"},
        {"date": "9999-12-31"},
        {"date": "2030-03-01" * 500},
        {"structure": "no-such-structure"},
        {"field": "no-such-field"},
        {"field": ["elections", "elections\x00"]},
    ],
)
def test_bad_parameters_are_a_400_not_a_500(login, editor, plan, params):
    response = login(editor).get(CALENDAR, params)

    assert response.status_code == 400
    assert response.context["form"].errors


def test_the_calendar_is_for_staff_with_a_news_role(client, login, outsider_staff):
    anonymous = client.get(CALENDAR)
    assert anonymous.status_code == 302
    assert reverse("admin:login") in anonymous["Location"]
    assert login(outsider_staff).get(CALENDAR).status_code == 403


def test_the_news_list_and_scheduled_page_link_to_it(login, editor):
    client = login(editor)
    for page in ["admin:news_newsitem_changelist", "admin:news_newsitem_scheduled"]:
        assert CALENDAR in client.get(reverse(page)).content.decode()


def test_the_planned_day_is_on_the_news_form(login, editor):
    draft = NewsItemFactory(planned_for=datetime.date(2030, 3, 5))

    page = login(editor).get(reverse("admin:news_newsitem_change", args=[draft.pk]))

    assert page.status_code == 200
    assert 'name="planned_for"' in page.content.decode()
    assert page.context["adminform"].form.initial["planned_for"] == datetime.date(2030, 3, 5)
    assert NewsItem.objects.get(pk=draft.pk).planned_for == datetime.date(2030, 3, 5)


def test_the_number_of_queries_does_not_grow_with_the_entries(login, editor, plan, mission_serbia):
    client = login(editor)
    client.get(CALENDAR, {"date": "2030-03-01"})  # the session, once
    with CaptureQueriesContext(connection) as few:
        client.get(CALENDAR, {"date": "2030-03-01"})
    for day in range(1, 29):
        PublishedNewsFactory(published_at=at(2030, 3, day), lead_structure=mission_serbia)
        NewsItemFactory(planned_for=datetime.date(2030, 3, day))
    with CaptureQueriesContext(connection) as many:
        response = client.get(CALENDAR, {"date": "2030-03-01"})
    assert response.context["count"] == 3 + 2 * 28
    assert len(many) == len(few)


@pytest.fixture
def council():
    return Meeting.objects.create(
        series=MeetingSeriesFactory(name="Ministerial Council", slug="ministerial-council"),
        title="2030 Ministerial Council",
        slug="2030",
        city="Vienna",
        start_date=datetime.date(2030, 3, 12),
        end_date=datetime.date(2030, 3, 13),
    )


def test_a_meeting_shows_on_each_of_its_days(login, superuser, publisher_serbia, plan, council):
    response = login(superuser).get(CALENDAR, {"view": "week", "date": "2030-03-14"})

    assert shown(response) == {
        datetime.date(2030, 3, 12): [("meeting", "2030 Ministerial Council")],
        datetime.date(2030, 3, 13): [("meeting", "2030 Ministerial Council")],
        datetime.date(2030, 3, 14): [("scheduled", "Scheduled: the Mission's report")],
    }
    content = response.content.decode()
    assert reverse("admin:meetings_meeting_change", args=[council.pk]) in content
    assert "(Vienna" in content
    # Who may not open meetings in the admin is led to its public page.
    assert not publisher_serbia.has_perm("meetings.view_meeting")
    page = login(publisher_serbia).get(CALENDAR, {"date": "2030-03-01"}).content.decode()
    assert council.get_absolute_url() in page
    assert reverse("admin:meetings_meeting_change", args=[council.pk]) not in page


def test_a_structure_or_field_filter_leaves_meetings_out(login, editor, plan, council):
    client = login(editor)
    assert (
        "2030 Ministerial Council" in client.get(CALENDAR, {"date": "2030-03-01"}).content.decode()
    )
    for params in [{"field": "elections"}, {"structure": plan["scheduled"].lead_structure.slug}]:
        page = client.get(CALENDAR, {"date": "2030-03-01", **params}).content.decode()
        assert "2030 Ministerial Council" not in page
