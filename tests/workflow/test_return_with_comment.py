"""An editor returns a submitted item to its authors with a comment: it goes back to draft,
the comment stays in its history, and its authors see it on the item and on their queue."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from news import services
from news.models import NewsItem, Transition
from tests.factories import NewsItemFactory
from tests.workflow.admin_posts import CHANGELIST_URL, bulk, change_url, messages_of, news_form
from tests.workflow.conftest import staff

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
COMMENT = "Name the court in the lede, and add the date of the ruling."


def return_url(item):
    return reverse("admin:news_newsitem_return", args=[item.pk])


@pytest.fixture
def submitted(mission_serbia, publisher_serbia):
    item = NewsItemFactory(
        title="Serbian judges trained", lead_structure=mission_serbia, created_by=publisher_serbia
    )
    services.submit(item, publisher_serbia)
    return item


def test_editor_finds_the_return_link_on_a_submitted_item(login, editor, submitted):
    response = login(editor).get(change_url(submitted))

    assert return_url(submitted) in response.content.decode()
    assert "Return with a comment" in response.content.decode()


def test_publisher_has_no_return_link(login, publisher_serbia, submitted):
    response = login(publisher_serbia).get(change_url(submitted))

    assert return_url(submitted) not in response.content.decode()


def test_editor_returns_an_item_with_a_comment(login, editor, submitted):
    client = login(editor)
    page = client.get(return_url(submitted))
    assert page.status_code == 200
    assert "Comment for the authors" in page.content.decode()

    response = client.post(return_url(submitted), {"comment": f"  {COMMENT}\n"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "“Serbian judges trained” was returned to its authors with your comment." in (
        messages_of(response)
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    last = Transition.objects.filter(news=submitted).first()
    assert (last.from_status, last.to_status, last.by, last.note) == (
        Status.REVIEW,
        Status.DRAFT,
        editor,
        COMMENT,
    )


def test_showing_the_return_form_changes_nothing(login, editor, submitted):
    login(editor).get(return_url(submitted))

    submitted.refresh_from_db()
    assert submitted.status == Status.REVIEW


def test_an_empty_comment_is_refused(login, editor, submitted):
    response = login(editor).post(return_url(submitted), {"comment": "   "})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.REVIEW


def test_publisher_may_not_return_with_a_comment(login, publisher_serbia, submitted):
    response = login(publisher_serbia).post(return_url(submitted), {"comment": COMMENT})

    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Status.REVIEW


def test_an_item_not_in_review_is_not_returned(login, editor, mission_serbia):
    draft = NewsItemFactory(lead_structure=mission_serbia)
    client = login(editor)

    page = client.get(return_url(draft))
    response = client.post(return_url(draft), {"comment": COMMENT})

    assert page.status_code == 200
    assert "It is not submitted for review (its status: Draft)" in page.content.decode()
    assert "Comment for the authors" not in page.content.decode()
    assert response.status_code == 400
    assert not Transition.objects.filter(news=draft).exists()


def test_an_unknown_item_is_not_an_error(login, editor):
    response = login(editor).get(reverse("admin:news_newsitem_return", args=["nonsense"]))

    assert response.status_code == 302  # to the admin home, "does not exist"


def test_editor_of_another_structure_does_not_reach_it(login, submitted, secretariat_unit):
    """An editor whose publishing right is limited to their structures (no edit_any)."""
    scoped = staff("scoped_editor", "Publisher", [secretariat_unit])
    scoped.user_permissions.add(Permission.objects.get(codename="publish_newsitem"))

    response = login(scoped).post(return_url(submitted), {"comment": COMMENT})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.REVIEW


def test_the_comment_is_in_the_history_of_states_and_the_revisions(
    login, editor, publisher_serbia, submitted
):
    services.return_with_comment(submitted, editor, COMMENT)
    client = login(publisher_serbia)

    page = client.get(change_url(submitted))
    history = client.get(reverse("admin:news_newsitem_history", args=[submitted.pk]))

    assert COMMENT in page.content.decode()  # the history of states, and the notice on top
    assert any(
        message.startswith("Returned on ") and COMMENT in message for message in messages_of(page)
    )
    assert f"Returned with a comment: {COMMENT}" in history.content.decode()


def test_the_notice_goes_once_the_item_is_resubmitted(login, editor, publisher_serbia, submitted):
    services.return_with_comment(submitted, editor, COMMENT)
    client = login(publisher_serbia)
    client.post(change_url(submitted), news_form(submitted, status=Status.REVIEW))

    page = client.get(change_url(submitted))

    submitted.refresh_from_db()
    assert submitted.status == Status.REVIEW
    assert not any(message.startswith("Returned on ") for message in messages_of(page))


def test_editor_returns_several_items_from_the_list(login, editor, submitted, mission_serbia):
    draft = NewsItemFactory(title="Not submitted", lead_structure=mission_serbia)
    client = login(editor)

    page = client.post(CHANGELIST_URL, bulk("return_selected", [submitted, draft]))
    assert page.status_code == 200
    assert "Comment for the authors" in page.content.decode()
    response = client.post(
        CHANGELIST_URL, bulk("return_selected", [submitted, draft], comment=COMMENT), follow=True
    )

    messages = messages_of(response)
    assert "“Serbian judges trained”: Returned to draft." in messages
    assert any(m.startswith("“Not submitted” was left as it was:") for m in messages)
    submitted.refresh_from_db()
    assert submitted.status == Status.DRAFT
    assert Transition.objects.filter(news=submitted).first().note == COMMENT


def test_publisher_has_no_return_action(login, publisher_serbia, submitted):
    response = login(publisher_serbia).get(CHANGELIST_URL)

    assert "return_selected" not in response.content.decode()
