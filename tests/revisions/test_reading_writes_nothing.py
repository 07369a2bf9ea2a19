"""Opening an admin page of a draft writes nothing: the public publication state stays, and
so does every cached public page. A revision page once wrote (it restored the revision in a
transaction rolled back afterwards, and put the workflow fields back with an UPDATE), which
replaced the publication state on every look at an old revision."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from newsroom import freshness
from tests.factories import NewsItemFactory, PublishedNewsFactory
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def draft(editor_client, mission):
    """A draft saved twice in the admin: two revisions to look at and compare."""
    item = NewsItemFactory(title="Mission trains judges", lead_structure=mission)
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    for title in ["Mission trains judges", "Mission trains prosecutors"]:
        response = editor_client.post(url, form_values(editor_client.get(url), title=title))
        assert response.status_code == 302
    PublishedNewsFactory()  # something public, whose pages are cached
    return item


def pages(item):
    older, newer = Version.objects.get_for_object(item).order_by("pk")
    return {
        "change": reverse("admin:news_newsitem_change", args=[item.pk]),
        "history": reverse("admin:news_newsitem_history", args=[item.pk]),
        "revision": reverse("admin:news_newsitem_revision", args=[item.pk, older.pk]),
        "compare": reverse("admin:news_newsitem_compare", args=[item.pk])
        + f"?from={older.pk}&to={newer.pk}",
        "preview": reverse("news:preview", args=[item.pk]),
        "delete": reverse("admin:news_newsitem_delete", args=[item.pk]),
    }


def writes(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


@pytest.mark.parametrize("page", ["change", "history", "revision", "compare", "preview", "delete"])
def test_opening_an_admin_page_of_a_draft_changes_no_public_state(editor_client, draft, page):
    url = pages(draft)[page]
    before = freshness.current().token
    stored = type(draft).objects.values().get(pk=draft.pk)

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.get(url)

    assert response.status_code == 200
    assert writes(queries.captured_queries) == []
    assert freshness.current().token == before
    assert type(draft).objects.values().get(pk=draft.pk) == stored


def test_the_revision_page_shows_the_revision_with_the_current_status(editor_client, draft):
    response = editor_client.get(pages(draft)["revision"])

    form = response.context["adminform"].form
    assert form["title"].value() == "Mission trains judges"
    assert form["status"].value() == draft.status
