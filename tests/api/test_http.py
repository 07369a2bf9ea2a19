"""What the API answers at the HTTP level: ETag and 304 while nothing public changes, CORS for
read-only GETs under /api/ only, no cookies, and a per-client rate limit answering 429."""

import pytest
from django.core.cache import cache

from tests.factories import PublishedNewsFactory, UserFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://partner.example.org"


@pytest.mark.parametrize(
    "path", ["/api/v1/news/?field=security", "/api/v1/news/item-1/", "/api/v1/structures/"]
)
def test_an_unchanged_response_is_a_304(client, world, path):
    first = client.get(path)
    etag = first["ETag"]

    again = client.get(path, headers={"If-None-Match": etag})

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "public" in first["Cache-Control"]


def test_a_publication_changes_the_etag(client, world):
    etag = client.get("/api/v1/news/")["ETag"]

    PublishedNewsFactory(title="Just published")
    response = client.get("/api/v1/news/", headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Just published" in response.content.decode()


def test_other_parameters_have_another_etag(client, world):
    assert client.get("/api/v1/news/?kind=news")["ETag"] != client.get("/api/v1/news/")["ETag"]


def test_the_same_parameters_in_another_order_have_the_same_etag(client, world):
    one = client.get("/api/v1/news/?kind=news&field=security")["ETag"]

    assert client.get("/api/v1/news/?field=security&kind=news")["ETag"] == one


def test_if_modified_since_is_answered(client, world):
    first = client.get("/api/v1/news/")

    again = client.get("/api/v1/news/", headers={"If-Modified-Since": first["Last-Modified"]})

    assert again.status_code == 304


def test_an_unknown_parameter_is_refused_even_with_a_current_etag(client, world):
    etag = client.get("/api/v1/news/?kind=news")["ETag"]

    response = client.get("/api/v1/news/?kind=news&colour=red", headers={"If-None-Match": etag})

    assert response.status_code == 400


def test_errors_are_never_304(client, world):
    response = client.get("/api/v1/news/no-such-item/", headers={"If-None-Match": "*"})

    assert response.status_code == 404


def test_a_get_from_another_site_is_allowed_without_credentials(client, world):
    response = client.get("/api/v1/news/", headers={"Origin": ORIGIN})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_preflight_is_answered_for_get_only(client, world):
    response = client.options(
        "/api/v1/news/",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"]


@pytest.mark.parametrize("path", ["/en/news/", "/en/"])
def test_pages_outside_the_api_get_no_cors_headers(client, world, path):
    response = client.get(path, headers={"Origin": ORIGIN})
    preflight = client.options(
        path, headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"}
    )

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert preflight.status_code == 405
    assert "Access-Control-Allow-Origin" not in preflight


@pytest.mark.parametrize(
    "path",
    ["/api/v1/news/?q=water&facets=field", "/api/v1/news/item-1/", "/api/v1/news/nope/"],
)
def test_the_api_sets_no_cookie(client, world, path):
    response = client.get(path)

    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")


def test_a_signed_in_editor_sees_only_what_the_public_sees(client, world):
    """No session is read: the API is the same for everyone (no preview through it)."""
    from tests.factories import hidden_news

    hidden_news()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    titles = [item["title"] for item in client.get("/api/v1/news/?q=hidden").json()["results"]]

    assert titles == []


def test_a_client_over_the_rate_gets_429_with_retry_after(client, world, settings):
    settings.API_RATE = "3/m"

    answers = [client.get("/api/v1/news/").status_code for _ in range(4)]
    refused = client.get("/api/v1/structures/")

    assert answers == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"]


def test_the_rate_is_per_client_address(client, world, settings):
    settings.API_RATE = "2/m"
    for _ in range(3):
        client.get("/api/v1/news/", REMOTE_ADDR="198.51.100.1")

    assert client.get("/api/v1/news/", REMOTE_ADDR="198.51.100.1").status_code == 429
    assert client.get("/api/v1/news/", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_the_count_is_kept_in_the_shared_cache(client, world, settings):
    """Every worker reads the same count: it lives in the "default" cache, not in the process."""
    settings.API_RATE = "1/m"
    client.get("/api/v1/news/")
    assert client.get("/api/v1/news/").status_code == 429

    cache.clear()

    assert client.get("/api/v1/news/").status_code == 200


def test_head_is_answered_like_get_without_a_body(client, world):
    get = client.get("/api/v1/news/item-1/")
    head = client.head("/api/v1/news/item-1/")

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_searches_also_count_against_the_sites_search_limit(client, world, settings):
    settings.NEWS_SEARCH_RATE = "2/m"

    searches = [client.get("/api/v1/news/?q=water").status_code for _ in range(3)]

    assert searches == [200, 200, 429]
    assert client.get("/api/v1/news/?field=security").status_code == 200
