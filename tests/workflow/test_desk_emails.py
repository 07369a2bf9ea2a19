"""The desk's emails: editors who may publish an item are told when it is submitted; its
authors when it is published or returned with a comment. Sent after the transaction commits,
with the item's admin link; a mail that fails never fails the move."""

import datetime
import logging

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from news import services
from news.models import NewsItem
from tests.factories import NewsItemFactory, StructureFactory, SuperuserFactory
from tests.workflow.admin_posts import change_url, news_form
from tests.workflow.conftest import staff

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
BASE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.SITE_BASE_URL = BASE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what waits for the commit, as the end of a request's transaction does."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = action(*args, **kwargs)
        return result, callbacks

    return run


@pytest.fixture
def item(mission_serbia, publisher_serbia):
    return NewsItemFactory(
        title="Serbian judges trained", lead_structure=mission_serbia, created_by=publisher_serbia
    )


def sent_to():
    return sorted(address for message in mail.outbox for address in message.to)


def test_editors_are_told_of_a_submission(commit, item, publisher_serbia, editor):
    staff("second_editor", "Editor")
    commit(services.submit, item, publisher_serbia)

    assert sent_to() == ["editor@example.org", "second_editor@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Submitted for review: Serbian judges trained"
    assert f"{BASE}{change_url(item)}" in message.body
    assert "submitted for review by publisher_serbia" in message.body


def test_nothing_is_sent_before_the_commit(item, publisher_serbia, editor):
    services.submit(item, publisher_serbia)  # the test's transaction never commits

    assert mail.outbox == []


def test_only_editors_who_reach_the_structure_are_told(
    commit, item, publisher_serbia, editor, mission_serbia, secretariat_unit
):
    """Editors of one structure (publishing right, no edit_any) hear only of theirs; others
    without an address, inactive ones, publishers and superusers hear nothing."""
    publish = Permission.objects.get(codename="publish_newsitem")
    for name, structure in [("serbia_editor", mission_serbia), ("unit_editor", secretariat_unit)]:
        staff(name, "Publisher", [structure]).user_permissions.add(publish)
    no_address = staff("no_address", "Editor")
    no_address.email = ""
    no_address.save()
    gone = staff("gone_editor", "Editor")
    gone.is_active = False
    gone.save()
    staff("colleague", "Publisher", [mission_serbia])
    SuperuserFactory()

    commit(services.submit, item, publisher_serbia)

    assert sent_to() == ["editor@example.org", "serbia_editor@example.org"]


def test_editor_of_a_parent_structure_is_told(commit, publisher_serbia, mission_serbia, editor):
    office = StructureFactory(name="Novi Pazar office", parent=mission_serbia)
    publish = Permission.objects.get(codename="publish_newsitem")
    staff("serbia_editor", "Publisher", [mission_serbia]).user_permissions.add(publish)
    item = NewsItemFactory(lead_structure=office, created_by=publisher_serbia)

    commit(services.submit, item, publisher_serbia)

    assert sent_to() == ["editor@example.org", "serbia_editor@example.org"]


def test_the_author_is_told_of_the_publication(commit, item, publisher_serbia, editor):
    services.submit(item, publisher_serbia)

    commit(services.publish, item, editor)

    assert sent_to() == ["publisher_serbia@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Published: Serbian judges trained"
    assert "was published by editor" in message.body
    assert f"{BASE}{change_url(item)}" in message.body


def test_the_author_is_told_when_it_is_scheduled(commit, item, publisher_serbia, editor):
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    commit(services.publish, item, editor, at=tomorrow)

    assert [m.subject for m in mail.outbox] == ["Scheduled: Serbian judges trained"]
    assert "it becomes public on" in mail.outbox[0].body


def test_the_authors_get_the_comment_when_it_is_returned(
    commit, item, publisher_serbia, mission_serbia, editor
):
    colleague = staff("colleague", "Publisher", [mission_serbia])
    services.submit(item, colleague)  # created by publisher_serbia, submitted by colleague

    commit(services.return_with_comment, item, editor, "Name the court in the lede.")

    assert sent_to() == ["colleague@example.org", "publisher_serbia@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Returned to you with a comment: Serbian judges trained"
    assert "Name the court in the lede." in message.body
    assert "editor returned “Serbian judges trained” to you with a comment" in message.body
    assert f"{BASE}{change_url(item)}" in message.body


def test_the_one_who_moves_it_is_not_told(commit, editor, mission_serbia):
    item = NewsItemFactory(lead_structure=mission_serbia, created_by=editor)

    commit(services.submit, item, editor)
    commit(services.publish, item, editor)

    assert mail.outbox == []


def test_other_moves_send_nothing(commit, item, publisher_serbia, editor):
    services.submit(item, publisher_serbia)

    commit(services.return_to_draft, item, publisher_serbia)  # taken back, no comment

    assert mail.outbox == []


def test_a_failing_mail_server_does_not_fail_the_move(
    commit, item, publisher_serbia, editor, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.workflow.test_desk_emails.BrokenBackend"

    with caplog.at_level(logging.ERROR, logger="desk.notifications"):
        commit(services.submit, item, publisher_serbia)

    item.refresh_from_db()
    assert item.status == Status.REVIEW
    assert "Could not send the submitted notification" in caplog.text


def test_a_submission_from_the_admin_form_mails_the_editors(
    login, item, publisher_serbia, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(publisher_serbia).post(
            change_url(item), news_form(item, status=Status.REVIEW)
        )

    assert response.status_code == 302
    assert sent_to() == ["editor@example.org"]


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")
