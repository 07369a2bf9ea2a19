"""Public responses are compressed for clients that accept it (GZipMiddleware), and
conditional GET goes on answering 304."""

import pytest

from tests.factories import FieldOfWorkFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    field = FieldOfWorkFactory()
    PublishedNewsFactory.create_batch(5, fields_of_work=[field])
    return field


@pytest.mark.parametrize(
    "url", ["/en/news/", "/en/news/rss/", "/en/menus/", "/en/countries/", "/en/"]
)
def test_pages_and_feeds_are_gzipped_when_the_client_accepts_it(client, news, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert not response.cookies


def test_no_compression_for_a_client_that_does_not_ask(client, news):
    response = client.get("/en/news/")
    assert not response.has_header("Content-Encoding")
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.parametrize("url", ["/en/news/", "/en/news/rss/", "/en/menus/"])
def test_conditional_get_answers_304_with_the_compressed_pages_etag(client, news, url):
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    etag = first["ETag"]
    assert etag.startswith('W/"')  # made weak by compression, as Django does
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    modified = client.get(
        url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert modified.status_code == 304


def test_a_change_still_gives_the_new_page(client, news):
    first = client.get("/en/news/", HTTP_ACCEPT_ENCODING="gzip")
    PublishedNewsFactory(title="A fresh story", fields_of_work=[news])
    again = client.get("/en/news/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200


def test_the_site_check_prints_no_sqlite_index_warning():
    from io import StringIO

    from django.core.management import call_command

    out, err = StringIO(), StringIO()
    call_command("check", stdout=out, stderr=err)
    assert "W040" not in out.getvalue() + err.getvalue()
