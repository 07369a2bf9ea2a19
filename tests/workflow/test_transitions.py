"""Every move of news.services: who may make it, what it changes, and its record."""

import datetime
from unittest import mock

import pytest
from django.utils import formats

from news import services
from news.models import NewsItem, Transition
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
MOMENT = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def history(item):
    return [
        (t.from_status, t.to_status, t.by.username, t.at)
        for t in Transition.objects.filter(news=item).order_by("at", "id")
    ]


def refusal_of(move, *args, **kwargs):
    with pytest.raises(services.Refused) as refused:
        move(*args, **kwargs)
    return refused.value


def test_draft_to_review_to_published_to_withdrawn_is_recorded_with_who_and_when(
    mission_serbia, publisher_serbia, editor
):
    item = NewsItemFactory(lead_structure=mission_serbia)

    with at(MOMENT):
        services.submit(item, publisher_serbia)
    with at(MOMENT + datetime.timedelta(hours=1)):
        services.publish(item, editor)
    with at(MOMENT + datetime.timedelta(days=3)):
        services.withdraw(item, editor, "Superseded by the corrected statement.")

    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN
    assert item.published_at == MOMENT + datetime.timedelta(hours=1)
    assert item.withdrawn_at == MOMENT + datetime.timedelta(days=3)
    assert item.withdrawal_notice == "Superseded by the corrected statement."
    assert item.updated_by == editor
    assert history(item) == [
        ("draft", "review", "publisher_serbia", MOMENT),
        ("review", "published", "editor", MOMENT + datetime.timedelta(hours=1)),
        ("published", "withdrawn", "editor", MOMENT + datetime.timedelta(days=3)),
    ]
    assert item.transitions.first().note == "Superseded by the corrected statement."


def test_editor_publishes_a_draft_directly(editor):
    item = NewsItemFactory()

    with at(MOMENT):
        services.publish(item, editor)

    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_at == MOMENT
    assert history(item) == [("draft", "published", "editor", MOMENT)]


def test_publisher_takes_back_a_submitted_item(mission_serbia, publisher_serbia):
    item = NewsItemFactory(lead_structure=mission_serbia, status=Status.REVIEW)

    with at(MOMENT):
        services.return_to_draft(item, publisher_serbia)

    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert history(item) == [("review", "draft", "publisher_serbia", MOMENT)]


def test_editor_sends_a_submitted_item_back_with_a_note(editor):
    item = NewsItemFactory(status=Status.REVIEW)

    services.return_to_draft(item, editor, note="Add the participants' names.")

    transition = item.transitions.get()
    assert (transition.from_status, transition.to_status) == ("review", "draft")
    assert transition.note == "Add the participants' names."


def test_publishing_with_a_time_to_come_schedules_the_item(editor):
    item = NewsItemFactory(status=Status.REVIEW)
    later = MOMENT + datetime.timedelta(days=2)

    with at(MOMENT):
        services.publish(item, editor, at=later)
        item.refresh_from_db()
        assert item.is_scheduled()
        assert services.outcome(item).startswith("Scheduled for ")
        assert not NewsItem.objects.published().filter(pk=item.pk).exists()
    assert item.published_at == later


def test_editor_unschedules_back_to_draft_and_the_time_is_dropped(editor):
    item = NewsItemFactory(
        status=Status.PUBLISHED, published_at=MOMENT + datetime.timedelta(days=1)
    )

    with at(MOMENT):
        services.return_to_draft(item, editor)

    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert item.published_at is None
    transition = item.transitions.get()
    assert (transition.from_status, transition.to_status) == ("published", "draft")
    assert transition.note.startswith("Was scheduled for ")


def test_editor_unschedules_back_to_review(editor):
    item = NewsItemFactory(
        status=Status.PUBLISHED, published_at=MOMENT + datetime.timedelta(days=1)
    )

    with at(MOMENT):
        services.move(item, editor, Status.REVIEW)

    item.refresh_from_db()
    assert (item.status, item.published_at) == (Status.REVIEW, None)


def test_editor_publishes_a_withdrawn_item_again_and_the_old_notice_is_kept_in_its_history(
    editor,
):
    item = PublishedNewsFactory()
    services.withdraw(item, editor, "Published by mistake.")

    services.publish(item, editor)

    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert (item.withdrawn_at, item.withdrawal_notice) == (None, "")
    assert "Published by mistake." in item.transitions.first().note


def test_publisher_may_not_publish(mission_serbia, publisher_serbia):
    item = NewsItemFactory(lead_structure=mission_serbia, status=Status.REVIEW)

    refusal = refusal_of(services.publish, item, publisher_serbia)

    assert refusal.code == "forbidden"
    assert refusal.message == "Only an editor may move an item to “Published”."
    item.refresh_from_db()
    assert item.status == Status.REVIEW
    assert not item.transitions.exists()


def test_publisher_may_not_withdraw(mission_serbia, publisher_serbia):
    item = PublishedNewsFactory(lead_structure=mission_serbia)

    refusal = refusal_of(services.withdraw, item, publisher_serbia, "Wrong figures.")

    assert refusal.code == "forbidden"
    item.refresh_from_db()
    assert (item.status, item.withdrawal_notice) == (Status.PUBLISHED, "")
    assert not item.transitions.exists()


def test_publisher_may_not_submit_another_structures_draft(publisher_serbia, secretariat):
    item = NewsItemFactory(lead_structure=secretariat)

    refusal = refusal_of(services.submit, item, publisher_serbia)

    assert refusal.code == "forbidden"
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_publisher_submits_for_a_structure_under_their_own(serbia_office, publisher_serbia):
    item = NewsItemFactory(lead_structure=serbia_office)

    services.submit(item, publisher_serbia)

    item.refresh_from_db()
    assert item.status == Status.REVIEW


@pytest.mark.parametrize("persona", ["taxonomy_manager", "outsider_staff"])
def test_users_without_a_news_role_move_nothing(persona, request):
    user = request.getfixturevalue(persona)
    item = NewsItemFactory()

    assert refusal_of(services.submit, item, user).code == "forbidden"
    assert refusal_of(services.publish, item, user).code == "forbidden"
    assert services.targets(user, item) == []


def test_submitting_says_exactly_what_is_missing(publisher_serbia):
    item = NewsItemFactory(lead_structure=None, date_issued=None, fields_of_work=[])
    item.created_by = publisher_serbia
    item.save()

    refusal = refusal_of(services.submit, item, publisher_serbia)

    assert refusal.code == "incomplete"
    assert refusal.message == (
        "It cannot be submitted for review yet: add a date issued, a lead issuing structure "
        "and at least one field of work."
    )


def test_publishing_says_exactly_what_is_missing(editor):
    item = NewsItemFactory(date_issued=None)

    refusal = refusal_of(services.publish, item, editor)

    assert refusal.message == "It cannot be published yet: add a date issued."
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_a_public_item_is_withdrawn_not_returned_to_draft(editor):
    item = PublishedNewsFactory()

    refusal = refusal_of(services.return_to_draft, item, editor)

    assert refusal.code == "state"
    assert "withdraw it instead" in refusal.message


def test_a_scheduled_item_is_unscheduled_not_withdrawn(editor):
    item = NewsItemFactory(
        status=Status.PUBLISHED,
        published_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1),
    )

    refusal = refusal_of(services.withdraw, item, editor, "Too early.")

    assert refusal.code == "state"


def test_a_draft_cannot_be_withdrawn(editor):
    assert refusal_of(services.withdraw, NewsItemFactory(), editor, "Why").code == "state"


def test_withdrawing_needs_a_notice(editor):
    item = PublishedNewsFactory()

    refusal = refusal_of(services.withdraw, item, editor, "   ")

    assert refusal.code == "notice"
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_publishing_under_a_closed_structure_needs_confirmation(editor):
    closed = StructureFactory(
        name="Spillover Monitor Mission", is_active=False, closed_on=datetime.date(2011, 6, 30)
    )
    item = NewsItemFactory(supporting_structures=[closed])

    refusal = refusal_of(services.publish, item, editor)

    assert refusal.code == "confirm"
    closed_on = formats.date_format(datetime.date(2011, 6, 30))
    assert f"Spillover Monitor Mission closed on {closed_on}." in refusal.message
    services.publish(item, editor, confirmed=True)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_moving_to_the_same_status_is_refused(editor):
    assert refusal_of(services.move, NewsItemFactory(), editor, Status.DRAFT).code == "same"


def test_targets_offer_each_role_its_moves(mission_serbia, publisher_serbia, editor):
    draft = NewsItemFactory(lead_structure=mission_serbia)
    review = NewsItemFactory(lead_structure=mission_serbia, status=Status.REVIEW)
    live = PublishedNewsFactory(lead_structure=mission_serbia)
    scheduled = NewsItemFactory(
        status=Status.PUBLISHED,
        published_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1),
    )
    withdrawn = NewsItemFactory(status=Status.WITHDRAWN)

    assert services.targets(publisher_serbia, draft) == [Status.REVIEW]
    assert services.targets(publisher_serbia, review) == [Status.DRAFT]
    assert services.targets(publisher_serbia, live) == []
    assert services.targets(editor, draft) == [Status.REVIEW, Status.PUBLISHED]
    assert services.targets(editor, review) == [Status.DRAFT, Status.PUBLISHED]
    assert services.targets(editor, live) == [Status.WITHDRAWN]
    assert services.targets(editor, scheduled) == [Status.DRAFT, Status.REVIEW]
    assert services.targets(editor, withdrawn) == [Status.PUBLISHED]


def test_publisher_edits_content_only_until_publication(mission_serbia, publisher_serbia, editor):
    draft = NewsItemFactory(lead_structure=mission_serbia)
    live = PublishedNewsFactory(lead_structure=mission_serbia)

    assert services.can_change(publisher_serbia, draft)
    assert not services.can_change(publisher_serbia, live)
    assert services.can_change(editor, live)
    assert services.can_delete(publisher_serbia, draft)
    assert not services.can_delete(publisher_serbia, live)
