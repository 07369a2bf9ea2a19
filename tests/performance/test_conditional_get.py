"""Lists, item pages and feeds answer 304 while nothing public has changed, and 200 with new
validators after a change; anonymous visitors get cacheable responses without cookies, signed-in
users private ones."""

import time

import pytest
from django.urls import reverse
from django.utils.http import parse_http_date

from news import services
from tests.factories import (
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    return PublishedNewsFactory(title="Ministers met in Vienna")


@pytest.fixture
def draft():
    return NewsItemFactory(title="Observers deployed")


def pages(item):
    return [
        reverse("news:list"),
        reverse("news:list") + "?field=" + item.fields_of_work.get().slug,
        reverse("news:rss"),
        reverse("news:atom") + "?kind=news",
        item.get_absolute_url(),
    ]


@pytest.mark.parametrize("page", range(5))
def test_an_unchanged_page_answers_304_to_its_etag(client, published, page):
    path = pages(published)[page]
    first = client.get(path)

    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("page", range(5))
def test_an_unchanged_page_answers_304_to_its_last_modified(client, published, page):
    path = pages(published)[page]
    first = client.get(path)

    again = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


@pytest.mark.parametrize("page", range(5))
def test_a_publication_makes_every_page_answer_200_again(client, published, draft, page):
    path = pages(published)[page]
    first = client.get(path)

    services.publish(draft, SuperuserFactory())  # within the same second, usually

    by_etag = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_etag.status_code == by_date.status_code == 200
    assert by_etag["ETag"] != first["ETag"]


def test_an_edit_of_the_item_makes_its_page_answer_200_again(client, published):
    first = client.get(published.get_absolute_url())

    published.title = "Ministers met in Vienna and agreed"
    published.save()

    again = client.get(published.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "agreed" in again.content.decode()


def test_saving_a_draft_does_not_change_public_pages(client, published, draft):
    other_field = FieldOfWorkFactory()
    first = client.get(reverse("news:list"))

    draft.title = "Observers deployed to the region"
    draft.save()
    draft.fields_of_work.add(other_field)

    again = client.get(reverse("news:list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_page_does_not_answer_304_to_another_pages_etag(client, published):
    first = client.get(reverse("news:list"))

    other = client.get(reverse("news:list") + "?kind=news", HTTP_IF_NONE_MATCH=first["ETag"])

    assert other.status_code == 200


@pytest.mark.parametrize("page", range(5))
def test_anonymous_visitors_get_a_public_response_without_cookies(client, published, page):
    path = pages(published)[page]
    for response in (client.get(path), client.get(path)):  # made, then from the cache
        assert response.status_code == 200
        assert "public" in response["Cache-Control"]
        assert "max-age=" in response["Cache-Control"]
        assert not response.cookies


@pytest.mark.parametrize("page", range(5))
def test_signed_in_users_get_private_responses(client, published, page):
    path = pages(published)[page]
    client.get(path)  # an anonymous visit first: its page is in the cache
    client.force_login(UserFactory())

    response = client.get(path)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_errors_get_no_validators(client, published):
    response = client.get(reverse("news:list") + "?field=no-such-field")

    assert response.status_code == 400
    assert not response.has_header("ETag")
    assert "public" not in response.get("Cache-Control", "")


def test_last_modified_is_never_in_the_future_after_a_burst_of_changes(client, published):
    for n in range(3):
        client.get(reverse("news:list"))  # each state is seen before the next change
        published.title = f"Ministers met, take {n}"
        published.save()

    response = client.get(reverse("news:list"))

    assert parse_http_date(response["Last-Modified"]) <= time.time()
