"""Alerts follow the newsroom's workflow (news/services.py, as the admin uses it): an editor
publishes, schedules, withdraws; subscribers are told when, and only when, an item becomes
public. Scheduled items at the edges of their time."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from alerts import tasks
from alerts.models import Subscription
from news import services
from tests.factories import FieldOfWorkFactory, NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHEDULED_FOR = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
A_SECOND = datetime.timedelta(seconds=1)


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def editor():
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def follower():
    FieldOfWorkFactory(name="Water security", slug="water-security")
    return Subscription.objects.create(
        email="water@example.org",
        query="field=water-security",
        confirmed_at=timezone.now() - datetime.timedelta(days=1),
    )


@pytest.fixture
def in_review(follower):
    from taxonomy.models import FieldOfWork

    water = FieldOfWork.objects.get(slug="water-security")
    return NewsItemFactory(
        title="Ministerial Council on water", fields_of_work=[water], status="review"
    )


def test_an_item_published_by_an_editor_is_announced_once(
    smtp_server, committed, editor, in_review
):
    with committed():
        services.publish(in_review, editor)

    [alert] = smtp_server.to("water@example.org")
    assert "Ministerial Council on water" in alert.get_body(("plain",)).get_content()


def test_scheduled_item_is_not_announced_a_second_before_its_time(
    smtp_server, committed, editor, in_review
):
    with committed():
        services.publish(in_review, editor, at=SCHEDULED_FOR)
    with at(SCHEDULED_FOR - A_SECOND), committed():
        tasks.announce_due.delay()

    assert smtp_server.messages == []


def test_scheduled_item_is_announced_at_its_time_and_only_once(
    smtp_server, committed, editor, in_review
):
    with committed():
        services.publish(in_review, editor, at=SCHEDULED_FOR)
    for moment in (SCHEDULED_FOR, SCHEDULED_FOR + datetime.timedelta(minutes=1)):
        with at(moment), committed():
            tasks.announce_due.delay()

    [alert] = smtp_server.to("water@example.org")
    assert "Ministerial Council on water" in alert.get_body(("plain",)).get_content()


def test_scheduled_item_unscheduled_before_its_time_is_never_announced(
    smtp_server, committed, editor, in_review
):
    with committed():
        services.publish(in_review, editor, at=SCHEDULED_FOR)
        services.return_to_draft(in_review, editor)
    with at(SCHEDULED_FOR + A_SECOND), committed():
        tasks.announce_due.delay()

    assert smtp_server.messages == []


def test_withdrawn_and_published_again_the_item_is_not_announced_again(
    smtp_server, committed, editor, in_review
):
    with committed():
        services.publish(in_review, editor)
    with committed():
        services.withdraw(in_review, editor, notice="Published by mistake.")
    with committed():
        services.publish(in_review, editor)
    with committed():
        tasks.announce_due.delay()

    assert len(smtp_server.to("water@example.org")) == 1
