"""Methods the site never needs answer 405, and request bodies over the limit are refused
with 413 before anything reads them."""

import io

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT", "OPTIONS", "PUT", "DELETE"])
@pytest.mark.parametrize("path", ["/", "/en/news/", "/admin/login/", "/no-such-page/"])
def test_other_methods_answer_405(client, method, path):
    response = client.generic(method, path)

    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_trace_does_not_echo_the_page(client):
    PublishedNewsFactory(title="Ministers met in Vienna")

    response = client.generic("TRACE", "/en/news/")

    assert response.status_code == 405
    assert b"Vienna" not in response.content


def test_public_pages_accept_get_and_head_but_not_post(client):
    assert client.get("/en/news/").status_code == 200
    assert client.head("/en/news/").status_code == 200
    response = client.post("/en/news/", {"q": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_the_admin_accepts_post(client):
    response = client.post(LOGIN_URL, {"username": "nobody", "password": "wrong"})

    assert response.status_code == 200  # the form again, with its error


def test_a_huge_content_length_is_refused_without_reading_the_body(client):
    response = client.generic(
        "POST",
        LOGIN_URL,
        b"username=a&password=b",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(2 * 1024**3),
        **{"wsgi.input": Unreadable()},
    )

    assert response.status_code == 413


def test_a_body_over_the_public_limit_is_refused(client):
    response = client.generic(
        "GET",
        "/en/news/",
        CONTENT_LENGTH=str(settings.REQUEST_BODY_MAX_BYTES + 1),
        **{"wsgi.input": Unreadable()},
    )

    assert response.status_code == 413


def test_the_admin_limit_fits_an_image_and_an_attachment():
    assert settings.ADMIN_REQUEST_BODY_MAX_BYTES >= (
        settings.NEWS_IMAGE_MAX_BYTES + settings.NEWS_ATTACHMENT_MAX_BYTES
    )


def test_a_chunked_body_without_a_length_is_refused(client):
    response = client.generic(
        "POST",
        LOGIN_URL,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": Unreadable()},
    )

    assert response.status_code == 411


def test_a_malformed_content_length_is_a_bad_request(client):
    response = client.generic("POST", LOGIN_URL, CONTENT_LENGTH="-5")

    assert response.status_code == 400


def test_form_limits_are_djangos_defaults():
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
