"""A 304 only for a page that is a 200 and has not changed: never for a 404, an invalid list
URL (400), a draft or a preview, whatever If-None-Match or If-Modified-Since say; a future
If-Modified-Since is ignored."""

import time

import pytest
from django.urls import reverse
from django.utils.http import http_date

from tests.factories import NewsItemFactory, PublishedNewsFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

FUTURE = http_date(time.time() + 365 * 24 * 3600)


@pytest.fixture
def published():
    return PublishedNewsFactory(title="Ministers met in Vienna")


def error_urls(draft):
    return {
        "unknown item": (reverse("news:detail", args=["no-such-item"]), 404),
        "draft": (draft.get_absolute_url(), 404),
        "invalid list": (reverse("news:list") + "?field=no-such-field", 400),
        "page past the end": (reverse("news:list") + "?page=99", 404),
        "invalid feed": (reverse("news:rss") + "?kind=nonsense", 400),
    }


@pytest.mark.parametrize(
    "name", ["unknown item", "draft", "invalid list", "page past the end", "invalid feed"]
)
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_MODIFIED_SINCE": FUTURE},
        {"HTTP_IF_NONE_MATCH": "*", "HTTP_IF_MODIFIED_SINCE": FUTURE},
    ],
    ids=["if-none-match-star", "future-if-modified-since", "both"],
)
def test_an_error_is_never_answered_304(client, published, name, headers):
    path, status = error_urls(NewsItemFactory(title="Observers deployed"))[name]

    response = client.get(path, **headers)

    assert response.status_code == status
    assert "public" not in response.get("Cache-Control", "")


def test_a_last_modified_from_another_page_does_not_make_a_404_a_304(client, published):
    last_modified = client.get(published.get_absolute_url())["Last-Modified"]

    response = client.get("/en/news/no-such-item/", HTTP_IF_MODIFIED_SINCE=last_modified)

    assert response.status_code == 404


def test_a_future_if_modified_since_is_ignored(client, published):
    response = client.get(published.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=FUTURE)

    assert response.status_code == 200


def test_a_staff_preview_of_a_draft_is_never_304(client):
    draft = NewsItemFactory(title="Observers deployed")
    client.force_login(SuperuserFactory())
    url = reverse("news:preview", args=[draft.pk])

    response = client.get(url, HTTP_IF_NONE_MATCH="*", HTTP_IF_MODIFIED_SINCE=FUTURE)

    assert response.status_code == 200


def test_an_existing_page_still_answers_304_to_its_last_modified(client, published):
    first = client.get(published.get_absolute_url())

    again = client.get(
        published.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    assert again.status_code == 304
