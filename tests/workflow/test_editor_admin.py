"""An editor reviews, publishes, schedules and withdraws anyone's news from the admin."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem, Transition
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory
from tests.workflow.admin_posts import (
    CHANGELIST_URL,
    bulk,
    change_url,
    form_errors,
    messages_of,
    news_form,
)

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
SCHEDULED_URL = reverse("admin:news_newsitem_scheduled")


@pytest.fixture
def as_editor(login, editor):
    return login(editor)


def moves(item):
    return [
        (t.from_status, t.to_status, t.by.username)
        for t in Transition.objects.filter(news=item).order_by("at", "id")
    ]


def test_editor_sees_every_structures_drafts(as_editor, mission_serbia, secretariat_unit):
    NewsItemFactory(lead_structure=mission_serbia)
    NewsItemFactory(lead_structure=secretariat_unit)
    NewsItemFactory(lead_structure=None)

    response = as_editor.get(CHANGELIST_URL)

    assert len(response.context["cl"].result_list) == 3


def test_editor_publishes_a_submitted_item_from_its_page(as_editor, secretariat_unit):
    item = NewsItemFactory(lead_structure=secretariat_unit, status=Status.REVIEW)
    before = timezone.now()

    response = as_editor.post(
        change_url(item), news_form(item, status=Status.PUBLISHED), follow=True
    )

    assert "Published." in messages_of(response)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert before <= item.published_at <= timezone.now()
    assert moves(item) == [("review", "published", "editor")]


def test_editor_publishes_a_draft_directly(as_editor):
    item = NewsItemFactory()

    as_editor.post(change_url(item), news_form(item, status=Status.PUBLISHED))

    item.refresh_from_db()
    assert item.is_published()
    assert moves(item) == [("draft", "published", "editor")]


def test_editor_sends_a_submitted_item_back_to_draft(as_editor):
    item = NewsItemFactory(status=Status.REVIEW)

    as_editor.post(change_url(item), news_form(item, status=Status.DRAFT))

    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert moves(item) == [("review", "draft", "editor")]


def test_publishing_from_the_form_names_what_is_missing(as_editor):
    item = NewsItemFactory(date_issued=None)

    response = as_editor.post(change_url(item), news_form(item, status=Status.PUBLISHED))

    assert form_errors(response, "status") == ["It cannot be published yet: add a date issued."]
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert not item.transitions.exists()


def test_a_publication_time_to_come_schedules_the_item(as_editor):
    item = NewsItemFactory(status=Status.REVIEW)
    when = timezone.localtime() + datetime.timedelta(days=3)

    response = as_editor.post(
        change_url(item),
        news_form(
            item,
            status=Status.PUBLISHED,
            published_at_0=when.date().isoformat(),
            published_at_1="10:00:00",
        ),
        follow=True,
    )

    [message] = [m for m in messages_of(response) if m.startswith("Scheduled for ")]
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert timezone.localtime(item.published_at).hour == 10
    assert not item.is_published()
    listing = as_editor.get(CHANGELIST_URL).content.decode()
    assert "Scheduled for " in listing


def test_editor_unschedules_from_the_form(as_editor):
    item = NewsItemFactory(
        status=Status.PUBLISHED, published_at=timezone.now() + datetime.timedelta(days=1)
    )

    as_editor.post(change_url(item), news_form(item, status=Status.REVIEW))

    item.refresh_from_db()
    assert (item.status, item.published_at) == (Status.REVIEW, None)


def test_withdrawing_from_the_form_needs_a_notice(as_editor):
    item = PublishedNewsFactory()

    response = as_editor.post(change_url(item), news_form(item, status=Status.WITHDRAWN))

    assert form_errors(response, "withdrawal_notice") == [
        "Say why it is withdrawn: the notice is shown on its page."
    ]
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_editor_withdraws_from_the_form_with_a_notice(as_editor):
    item = PublishedNewsFactory()

    as_editor.post(
        change_url(item),
        news_form(item, status=Status.WITHDRAWN, withdrawal_notice="Figures were wrong."),
    )

    item.refresh_from_db()
    assert (item.status, item.withdrawal_notice) == (Status.WITHDRAWN, "Figures were wrong.")
    assert item.withdrawn_at is not None
    assert moves(item) == [("published", "withdrawn", "editor")]
    assert as_editor.get(item.get_absolute_url()).status_code == 200


def test_a_public_item_offers_only_withdrawal(as_editor):
    item = PublishedNewsFactory()

    response = as_editor.get(change_url(item))

    choices = response.context["adminform"].form.fields["status"].choices
    assert [value for value, _label in choices] == [Status.PUBLISHED, Status.WITHDRAWN]


def test_the_change_page_shows_the_history_of_states(as_editor, editor):
    item = NewsItemFactory(status=Status.REVIEW)
    as_editor.post(change_url(item), news_form(item, status=Status.PUBLISHED))

    page = as_editor.get(change_url(item)).content.decode()

    assert "History of states" in page
    assert "Submitted for review → Published" in page
    assert "<td>editor</td>" in page


class TestClosedStructureWarning:
    @pytest.fixture
    def item(self):
        closed = StructureFactory(name="Spillover Monitor Mission", is_active=False)
        return NewsItemFactory(supporting_structures=[closed], status=Status.REVIEW)

    def test_the_change_page_warns_before_publishing(self, as_editor, item):
        response = as_editor.get(change_url(item))

        assert (
            "Spillover Monitor Mission has closed. Publishing needs a confirmation."
            in messages_of(response)
        )
        assert 'name="confirm_publication"' in response.content.decode()

    def test_publishing_without_confirming_is_refused(self, as_editor, item):
        response = as_editor.post(change_url(item), news_form(item, status=Status.PUBLISHED))

        [error] = form_errors(response, "confirm_publication")
        assert error.startswith("Spillover Monitor Mission has closed.")
        item.refresh_from_db()
        assert item.status == Status.REVIEW

    def test_publishing_with_the_confirmation_goes_through(self, as_editor, item):
        as_editor.post(
            change_url(item),
            news_form(item, status=Status.PUBLISHED, confirm_publication="on"),
        )

        item.refresh_from_db()
        assert item.status == Status.PUBLISHED

    def test_bulk_publishing_refuses_it_and_says_why(self, as_editor, item):
        response = as_editor.post(CHANGELIST_URL, bulk("publish_selected", [item]), follow=True)

        [message] = messages_of(response)
        assert "was left as it was: Spillover Monitor Mission has closed." in message
        item.refresh_from_db()
        assert item.status == Status.REVIEW


def test_bulk_publish_reports_each_item(as_editor):
    ready = NewsItemFactory(title="Ready", status=Status.REVIEW)
    undated = NewsItemFactory(title="Undated", date_issued=None)
    later = timezone.now() + datetime.timedelta(days=2)
    timed = NewsItemFactory(title="Timed", published_at=later)

    response = as_editor.post(
        CHANGELIST_URL, bulk("publish_selected", [ready, undated, timed]), follow=True
    )

    messages = messages_of(response)
    assert messages[0] == "“Ready”: Published."
    assert messages[1] == (
        "“Undated” was left as it was: It cannot be published yet: add a date issued."
    )
    assert messages[2].startswith("“Timed”: Scheduled for ")
    statuses = dict(NewsItem.objects.values_list("title", "status"))
    assert statuses == {"Ready": "published", "Undated": "draft", "Timed": "published"}


def test_bulk_withdraw_asks_for_a_notice_then_withdraws_each(as_editor):
    first, second = PublishedNewsFactory(title="First"), PublishedNewsFactory(title="Second")
    draft = NewsItemFactory(title="Draft")

    page = as_editor.post(CHANGELIST_URL, bulk("withdraw_selected", [first, second, draft]))
    empty = as_editor.post(
        CHANGELIST_URL, bulk("withdraw_selected", [first, second, draft], notice=" ")
    )
    done = as_editor.post(
        CHANGELIST_URL,
        bulk("withdraw_selected", [first, second, draft], notice="Duplicates."),
        follow=True,
    )

    assert page.status_code == 200
    assert "Withdrawal notice" in page.content.decode()
    assert empty.context["form"].errors["notice"]
    assert messages_of(done) == [
        "“First”: Withdrawn.",
        "“Second”: Withdrawn.",
        "“Draft” was left as it was: Only a published item can be withdrawn.",
    ]
    assert set(NewsItem.objects.withdrawn().values_list("withdrawal_notice", flat=True)) == {
        "Duplicates."
    }


def test_status_filter_separates_scheduled_from_public(as_editor):
    PublishedNewsFactory(title="Public")
    NewsItemFactory(
        title="Scheduled",
        status=Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(hours=2),
    )

    scheduled = as_editor.get(CHANGELIST_URL, {"status": "scheduled"})
    public = as_editor.get(CHANGELIST_URL, {"status": "published"})

    assert [i.title for i in scheduled.context["cl"].result_list] == ["Scheduled"]
    assert [i.title for i in public.context["cl"].result_list] == ["Public"]


def test_scheduled_view_lists_items_by_day_for_the_weeks_asked(as_editor):
    now = timezone.localtime()
    soon = NewsItemFactory(
        title="Tomorrow's statement",
        status=Status.PUBLISHED,
        published_at=now + datetime.timedelta(days=1),
    )
    NewsItemFactory(
        title="In six weeks",
        status=Status.PUBLISHED,
        published_at=now + datetime.timedelta(weeks=6),
    )
    PublishedNewsFactory(title="Already public")

    default = as_editor.get(SCHEDULED_URL)
    eight_weeks = as_editor.get(SCHEDULED_URL, {"weeks": "8"})

    assert [
        (day, [item.title for item in items]) for day, items in default.context["days"]
    ] == [(timezone.localdate(soon.published_at), ["Tomorrow's statement"])]
    assert change_url(soon) in default.content.decode()
    assert [item.title for _day, items in eight_weeks.context["days"] for item in items] == [
        "Tomorrow's statement",
        "In six weeks",
    ]


def test_scheduled_view_refuses_a_bad_number_of_weeks(as_editor):
    response = as_editor.get(SCHEDULED_URL, {"weeks": "9999"})

    assert response.status_code == 400
    assert response.context["form"].errors["weeks"]


def test_changelist_links_the_scheduled_view(as_editor):
    assert SCHEDULED_URL in as_editor.get(CHANGELIST_URL).content.decode()


def time_fields(moment):
    local = timezone.localtime(moment)
    return {
        "published_at_0": local.date().isoformat(),
        "published_at_1": local.time().isoformat("seconds"),
    }


def test_rescheduling_a_scheduled_item_is_recorded(as_editor):
    first = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0)
    item = NewsItemFactory(status=Status.PUBLISHED, published_at=first)
    later = first + datetime.timedelta(days=2)

    response = as_editor.post(change_url(item), news_form(item, **time_fields(later)))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.published_at == later
    transition = item.transitions.get()
    assert (transition.from_status, transition.to_status) == (Status.PUBLISHED, Status.PUBLISHED)
    assert transition.note.startswith("Publication time changed from ")


def test_bringing_a_scheduled_items_time_to_now_publishes_it_and_is_recorded(as_editor):
    item = NewsItemFactory(
        status=Status.PUBLISHED, published_at=timezone.now() + datetime.timedelta(days=1)
    )
    earlier = (timezone.now() - datetime.timedelta(minutes=1)).replace(microsecond=0)

    response = as_editor.post(
        change_url(item), news_form(item, **time_fields(earlier)), follow=True
    )

    assert "Published." in messages_of(response)
    item.refresh_from_db()
    assert item.is_published()
    assert item.transitions.get().by.username == "editor"


def test_a_public_item_cannot_be_hidden_by_a_later_publication_time(as_editor):
    item = PublishedNewsFactory()
    stored = item.published_at

    response = as_editor.post(
        change_url(item),
        news_form(item, **time_fields(timezone.now() + datetime.timedelta(days=1))),
    )

    assert form_errors(response, "published_at") == [
        "It is public: a publication time to come would hide it. Withdraw it instead."
    ]
    item.refresh_from_db()
    assert item.published_at == stored
    assert item.is_published()


def test_editing_a_public_items_text_records_no_move(as_editor):
    item = PublishedNewsFactory(title="Old title")
    stored = item.published_at

    response = as_editor.post(change_url(item), news_form(item, title="New title"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.published_at) == ("New title", stored)
    assert not item.transitions.exists()
