"""An editor who changes a live item's slug is told that the old address redirects."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory, SuperuserFactory
from tests.workflow.admin_posts import news_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(SuperuserFactory())
    return client


def save(client, item, **values):
    response = client.post(
        reverse("admin:news_newsitem_change", args=[item.pk]), news_form(item, **values)
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_changing_a_live_items_slug_warns_that_the_old_address_redirects(editor_client, client):
    item = PublishedNewsFactory(slug="mission-opens-office")

    messages = save(editor_client, item, slug="mission-opens-new-office")

    assert [m for m in messages if "/en/news/mission-opens-office/" in m and "redirects" in m]
    editor_client.logout()
    response = client.get("/en/news/mission-opens-office/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/en/news/mission-opens-new-office/",
    )


def test_keeping_the_slug_gives_no_warning(editor_client):
    item = PublishedNewsFactory(slug="mission-opens-office")

    messages = save(editor_client, item, title="A better title")

    assert not [m for m in messages if "redirects" in m]


def test_changing_a_drafts_slug_gives_no_warning(editor_client):
    item = NewsItemFactory(slug="draft-name", status=NewsItem.Status.DRAFT)

    messages = save(editor_client, item, slug="better-draft-name")

    assert not [m for m in messages if "redirects" in m]
    NewsItem.objects.get(slug="better-draft-name")
