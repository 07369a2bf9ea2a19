"""Staff see an unpublished item with the public template, at a private address."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from tests.factories import NewsItemFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(mission):
    return NewsItemFactory(title="Mission trains judges", lead_structure=mission)


def preview_url(item):
    return reverse("news:preview", args=[item.pk])


def test_publisher_previews_a_draft_of_their_structure_with_the_public_template(
    client, publisher, draft
):
    client.force_login(publisher)

    response = client.get(preview_url(draft))

    assert response.status_code == 200
    assert "newsroom/detail.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert "<h1>Mission trains judges</h1>" in content
    assert "Preview — not public" in content
    assert reverse("admin:news_newsitem_change", args=[draft.pk]) in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


@pytest.mark.parametrize(
    "changes",
    [
        {"status": NewsItem.Status.REVIEW},
        {
            "status": NewsItem.Status.PUBLISHED,
            "published_at": timezone.now() + datetime.timedelta(days=2),
        },
    ],
    ids=["in review", "scheduled"],
)
def test_editor_previews_items_visitors_cannot_see(client, editor, draft, changes):
    NewsItem.objects.filter(pk=draft.pk).update(**changes)
    client.force_login(editor)

    response = client.get(preview_url(draft))

    assert response.status_code == 200
    assert "Preview — not public" in response.content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_previews_a_withdrawn_item_under_its_notice(client, editor, draft):
    NewsItem.objects.filter(pk=draft.pk).update(
        status=NewsItem.Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdrawal_notice="Published in error.",
    )
    client.force_login(editor)

    content = client.get(preview_url(draft)).content.decode()

    assert "Published in error." in content
    assert "visitors can see its page" in content


def test_publisher_of_another_structure_gets_404_as_for_a_missing_item(client, outsider, draft):
    client.force_login(outsider)

    assert client.get(preview_url(draft)).status_code == 404
    assert client.get(reverse("news:preview", args=[draft.pk + 1000])).status_code == 404


def test_logged_in_non_staff_user_gets_404(client, draft):
    client.force_login(UserFactory(username="visitor"))

    assert client.get(preview_url(draft)).status_code == 404


def test_anonymous_visitor_is_sent_to_the_admin_login(client, draft):
    response = client.get(preview_url(draft))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next={preview_url(draft)}"
