"""/healthz/: the benchmark's floor and a load balancer's check, without the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_it_answers_ok_as_plain_text_without_a_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert len(queries) == 0


def test_it_sets_no_cookie_and_is_not_cached(client):
    response = client.get("/healthz/")
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_it_refuses_a_post(client):
    assert client.post("/healthz/").status_code == 405
