"""Errors that say the database cannot serve now (down, full, a timeout, a lock) answer the
styled 503 with Retry-After, wherever they are raised; errors in the code stay 500s."""

import sqlite3

import psycopg2
import pytest
from django import db
from django.template.loader import get_template

from tests.faults import failing_urls
from tests.faults.servers import free_port

pytestmark = [pytest.mark.faults, pytest.mark.urls("tests.faults.failing_urls")]


def wrapped(django_class, vendor_error):
    """`vendor_error` as Django raises it: a django.db error caused by the driver's."""
    try:
        try:
            raise vendor_error
        except Exception as cause:
            raise django_class(*cause.args) from cause
    except django_class as error:
        return error


def postgres_error(postgres, sql):
    connection = postgres.connect("postgres")
    try:
        connection.cursor().execute(sql)
    except psycopg2.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError(f"{sql} raised nothing")


def refused():
    try:
        psycopg2.connect(host="127.0.0.1", port=free_port(), user="postgres", connect_timeout=2)
    except psycopg2.OperationalError as error:
        return error
    raise AssertionError("something listens on a free port")


@pytest.fixture
def unavailable_errors(postgres_server):
    return {
        "connection refused": wrapped(db.OperationalError, refused()),
        "statement timeout": wrapped(
            db.OperationalError,
            postgres_error(postgres_server, "SET statement_timeout = 1; SELECT pg_sleep(1)"),
        ),
        "connection closed": db.InterfaceError("connection already closed"),
        "sqlite locked": wrapped(
            db.OperationalError, sqlite3.OperationalError("database is locked")
        ),
    }


def assert_styled_503(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "<h1>This page is temporarily unavailable</h1>" in content
    assert "/static/css/site.css" in content


@pytest.mark.parametrize(
    "kind",
    ["connection refused", "statement timeout", "connection closed", "sqlite locked"],
)
def test_database_unavailable_in_a_view_is_a_styled_503(client, unavailable_errors, kind):
    failing_urls.raised[:] = [unavailable_errors[kind]]

    assert_styled_503(client.get("/raise/"))


def test_too_many_clients_is_a_503(client):
    error = psycopg2.OperationalError(
        'connection to server at "127.0.0.1", port 5432 failed: FATAL:  sorry, too many '
        "clients already"
    )
    failing_urls.raised[:] = [wrapped(db.OperationalError, error)]

    assert_styled_503(client.get("/raise/"))


def test_database_unavailable_in_a_middleware_is_a_styled_503(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.faults.failing_urls.RaisingMiddleware"]
    client.raise_request_exception = False
    failing_urls.raised[:] = [wrapped(db.OperationalError, refused())]

    assert_styled_503(client.get("/raise-in-middleware/"))


@pytest.mark.parametrize(
    "error",
    [
        db.ProgrammingError('relation "news_newsitem" does not exist'),
        db.IntegrityError("duplicate key value violates unique constraint"),
        wrapped(db.OperationalError, sqlite3.OperationalError("no such table: news_newsitem")),
    ],
    ids=["programming", "integrity", "sqlite missing table"],
)
def test_errors_in_the_code_stay_500s(client, error):
    client.raise_request_exception = False
    failing_urls.raised[:] = [error]

    response = client.get("/raise/")

    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.django_db
def test_503_page_renders_with_an_empty_context_and_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        content = get_template("503.html").render()

    assert "This page is temporarily unavailable" in content
