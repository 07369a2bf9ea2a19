"""The OpenAPI schema is valid and published, the documentation page is served with every asset
from the site under the strict CSP, and the live API keeps to its schema under property-based
tests (schemathesis), finding no server error."""

import json
import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import close_old_connections
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from newsroom.facets import PARAMS

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("GET", "/api/v1/news/"),
    ("GET", "/api/v1/news/{slug}/"),
    ("GET", "/api/v1/fields-of-work/"),
    ("GET", "/api/v1/countries/"),
    ("GET", "/api/v1/structures/"),
    ("GET", "/api/v1/meetings/"),
}


def test_the_published_schema_is_valid_openapi_3(client):
    response = client.get("/api/v1/schema/")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # against the OpenAPI 3 JSON schema; raises if invalid
    operations = {
        (method.upper(), path) for path, methods in schema["paths"].items() for method in methods
    }
    assert operations == OPERATIONS


def test_the_schema_generates_without_a_warning(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )


def test_the_list_documents_every_filter_of_the_site_list(client):
    from newsroom import freshness

    schema = json.loads(client.get("/api/v1/schema/").content)
    listed = {
        parameter["name"]
        for parameter in schema["paths"]["/api/v1/news/"]["get"]["parameters"]
        if parameter["in"] == "query"
    }

    # Not whether other languages are shown: the API lists every language unless asked.
    site = freshness.list_parameters() - {"page", "others"}
    assert listed == site | {"facets", "cursor", "page_size"}


def test_the_documentation_page_is_served_by_the_site_under_the_csp(client):
    response = client.get("/api/v1/docs/")
    html = response.content.decode()

    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    # No inline script or style, which the policy would block.
    assert "<style" not in html
    assert " style=" not in html
    assert all(attributes.strip() for attributes in re.findall(r"<script([^>]*)>", html))
    assert all("src=" in attributes for attributes in re.findall(r"<script([^>]*)>", html))
    # Every asset from this site: static files that exist, and the start-up script.
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    for url in assets:
        assert url.startswith("/"), url
        if url.startswith("/static/"):
            assert finders.find(url.removeprefix("/static/")), url
    script = [url for url in assets if not url.startswith("/static/")]
    assert len(script) == 1
    started = client.get(script[0].replace("&amp;", "&"))
    assert started.status_code == 200
    assert started["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in started.content.decode()


# Property-based tests of the live application (schemathesis, through WSGI).

# Uncompressed answers: schemathesis asks for gzip (as requests does) but reads the WSGI
# answer's body as it comes; HTTP clients undo the compression the site applies.
PLAIN = {"Accept-Encoding": "identity"}


@pytest.fixture
def api_schema(world):
    """The schema, with the application to call. As Django's test client does, requests keep
    the test's database connection (a request's end would close it, the transaction with it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_the_api_answers_as_its_schema_says(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {(operation.method.upper(), operation.path) for operation in operations} == OPERATIONS

    statuses = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            response = case.call_and_validate(
                headers=PLAIN, checks=[not_a_server_error, response_schema_conformance]
            )
            statuses.setdefault(case.operation.path, set()).add(response.status_code)

        conforms()

    # The examples reached both answers and refusals (so the checks had bodies to check).
    assert {200, 400} <= statuses["/api/v1/news/"], statuses
    assert 200 in statuses["/api/v1/structures/"], statuses
    assert 404 in statuses["/api/v1/news/{slug}/"], statuses


def test_full_answers_keep_to_the_schema(api_schema, world):
    """The answers random values rarely reach: an item with an image, attachments and
    supporting issuers, a withdrawn item, every facet's counts, a second page."""
    import datetime

    from django.utils import timezone

    from news.models import NewsItem
    from tests.factories import AttachmentFactory, NewsItemFactory
    from tests.news.test_images import published_with_image

    pictured = published_with_image(
        slug="pictured", image_caption="In session.", image_credit="OSCE"
    )
    AttachmentFactory(news=pictured)
    NewsItemFactory(
        slug="withdrawn",
        status=NewsItem.Status.WITHDRAWN,
        published_at=timezone.now() - datetime.timedelta(days=2),
        withdrawn_at=timezone.now() - datetime.timedelta(days=1),
        withdrawal_notice="Issued in error.",
    )
    operations = {
        operation.path: operation
        for operation in (result.ok() for result in api_schema.get_all_operations())
    }
    news, item = operations["/api/v1/news/"], operations["/api/v1/news/{slug}/"]
    facets = ",".join(PARAMS)
    cases = [
        news.Case(query={"facets": facets, "page_size": "3"}),
        news.Case(query={"q": "water", "field": ["security"], "facets": facets}),
        news.Case(query={"page_size": "100"}),  # the pictured item's card
        item.Case(path_parameters={"slug": "pictured"}),
        item.Case(path_parameters={"slug": "withdrawn"}),
        item.Case(path_parameters={"slug": "item-3"}),
        *(operations[path].Case() for path in operations if "news" not in path),
    ]
    first = cases[0].call_and_validate(headers=PLAIN, checks=[response_schema_conformance])
    cases.append(news.Case(query={"page_size": "3", "cursor": first.json()["next_cursor"]}))

    for case in cases:
        response = case.call_and_validate(
            headers=PLAIN, checks=[not_a_server_error, response_schema_conformance]
        )
        assert response.status_code == 200, (case.path, case.query, response.text)
    assert first.json()["facets"]
