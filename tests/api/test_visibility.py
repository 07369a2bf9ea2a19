"""The API shows what the site's pages show: drafts, items in review and scheduled items never;
withdrawn items only on their own address, with their notice."""

import datetime

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    hidden_news,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def field():
    return FieldOfWorkFactory(slug="media-freedom")


@pytest.fixture
def hidden(field):
    return {item.title: item for item in hidden_news(fields_of_work=[field])}


def test_the_list_shows_neither_hidden_nor_withdrawn_items(client, field, hidden):
    shown = PublishedNewsFactory(title="Shown", fields_of_work=[field])

    data = client.get("/api/v1/news/?field=media-freedom&facets=field").json()

    assert [item["slug"] for item in data["results"]] == [shown.slug]
    assert data["count"] == 1
    assert [c["count"] for c in data["facets"]["field"] if c["value"] == field.slug] == [1]


def test_a_search_finds_no_hidden_item(client, field, hidden):
    PublishedNewsFactory(title="Shown", fields_of_work=[field])

    data = client.get("/api/v1/news/?q=hidden").json()

    assert data["results"] == []
    assert data["count"] == 0


@pytest.mark.parametrize("title", ["Hidden draft", "Hidden in review", "Hidden scheduled"])
def test_an_unpublished_item_is_a_json_404(client, hidden, title):
    response = client.get(f"/api/v1/news/{hidden[title].slug}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
    assert "Hidden" not in response.content.decode()


def test_a_scheduled_item_appears_when_its_time_comes(client, field):
    item = PublishedNewsFactory(
        fields_of_work=[field], published_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    assert client.get(f"/api/v1/news/{item.slug}/").status_code == 404

    NewsItem.objects.filter(pk=item.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    assert client.get(f"/api/v1/news/{item.slug}/").status_code == 200


def test_a_withdrawn_item_keeps_its_address_with_the_notice(client, field):
    item = NewsItemFactory(
        title="Withdrawn statement",
        status=NewsItem.Status.WITHDRAWN,
        published_at=timezone.now() - datetime.timedelta(days=3),
        withdrawn_at=timezone.now() - datetime.timedelta(days=1),
        withdrawal_notice="Issued in error.",
        fields_of_work=[field],
    )

    data = client.get(f"/api/v1/news/{item.slug}/").json()

    assert data["status"] == "withdrawn"
    assert data["withdrawal"]["notice"] == "Issued in error."
    assert data["withdrawal"]["withdrawn_at"].startswith(item.withdrawn_at.date().isoformat()[:4])


def test_a_published_item_has_every_public_field(client, field):
    item = PublishedNewsFactory(
        title="Ministers met",
        dateline="VIENNA, 5 March 2025",
        body="<p>Text <script>alert(1)</script></p>",
        fields_of_work=[field],
    )
    AttachmentFactory(news=item, title="The declaration", language="fr")

    data = client.get(f"/api/v1/news/{item.slug}/").json()

    assert data["status"] == "published"
    assert data["withdrawal"] is None
    assert data["dateline"] == "VIENNA, 5 March 2025"
    assert "<script" not in data["body"]
    assert data["issuers"][0]["slug"] == item.lead_structure.slug
    assert [f["slug"] for f in data["fields_of_work"]] == ["media-freedom"]
    assert data["attachments"][0]["title"] == "The declaration"
    assert data["attachments"][0]["language"] == "fr"
    assert data["attachments"][0]["url"].startswith("http://testserver/en/news/")
    assert client.get(data["attachments"][0]["url"]).status_code == 200
    assert data["translations"] == []
    assert data["image"] is None
    assert data["url"] == f"http://testserver/en/news/{item.slug}/"


def test_the_lead_image_comes_with_alt_caption_credit_and_renditions(client, field):
    from tests.news.test_images import published_with_image

    item = published_with_image(
        fields_of_work=[field],
        image_alt="Delegates at the Ministerial Council",
        image_caption="The Council in session.",
        image_credit="OSCE/Micky Kroell",
    )

    image = client.get(f"/api/v1/news/{item.slug}/").json()["image"]
    listed = client.get("/api/v1/news/").json()["results"][0]["image"]

    assert image["alt"] == "Delegates at the Ministerial Council"
    assert image["caption"] == "The Council in session."
    assert image["credit"] == "OSCE/Micky Kroell"
    assert set(image["renditions"]) == {"card", "page", "social"}
    social = image["renditions"]["social"][-1]
    assert (social["width"], social["height"]) == (1200, 630)
    assert social["url"].startswith("http://testserver/")
    assert [r["width"] for r in image["renditions"]["card"]] == [240, 480]
    assert listed["alt"] == image["alt"]
    assert listed["renditions"] == image["renditions"]["card"]
