"""The publication state is replaced when, and only when, what the public pages show changes.

Each replacement throws away every cached public page (at a million items a list page then
costs seconds on its next view), so a change no visitor can see must not replace it: a
draft's terms, tags and attachments are on no public page.
"""

import ast
import datetime
import io
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from news import services
from news.models import RELATIONS, NewsFieldOfWork, NewsItem
from news.signals import content_changed
from newsroom import freshness
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    SuperuserFactory,
    TagFactory,
)
from tests.workflow.admin_posts import change_url, news_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def replacements(django_capture_on_commit_callbacks):
    """Counts the publication states made, at once and when the transaction commits."""

    class Counter:
        def __enter__(self):
            self.patch = mock.patch.object(
                freshness, "_new_state", wraps=freshness._new_state
            )
            self.made = self.patch.start()
            self.commit = django_capture_on_commit_callbacks(execute=True)
            self.commit.__enter__()
            return self

        def __exit__(self, *exc):
            self.commit.__exit__(*exc)
            self.patch.stop()

        @property
        def count(self):
            return self.made.call_count

    return Counter()


@pytest.fixture
def terms():
    return {
        "supporting_structures": StructureFactory(),
        "fields_of_work": FieldOfWorkFactory(),
        "countries": CountryFactory(),
        "meeting_series": MeetingSeriesFactory(),
        "tags": TagFactory(name="elections"),
    }


def link_each_term(item, terms):
    """One row in each link table of RELATIONS, written directly (as a script would)."""
    for relation in RELATIONS:
        relation.link.objects.create(
            **{relation.news_key: item, relation.term_key: terms[relation.name]}
        )


@pytest.mark.parametrize("status", sorted(NewsItem.HIDDEN_STATUSES))
def test_linking_terms_to_a_hidden_item_keeps_the_publication_state(
    status, terms, replacements
):
    item = NewsItemFactory(status=status)

    with replacements:
        link_each_term(item, terms)
        NewsFieldOfWork.objects.filter(news=item).delete()

    assert replacements.count == 0


def test_adding_terms_to_a_draft_from_either_end_keeps_the_publication_state(
    terms, replacements
):
    draft = NewsItemFactory()

    with replacements:
        draft.countries.add(terms["countries"])
        draft.tags.add(terms["tags"])
        terms["fields_of_work"].news.add(draft)
        terms["meeting_series"].news.set([draft])
        draft.countries.clear()

    assert replacements.count == 0


def test_a_drafts_attachment_keeps_the_publication_state(replacements):
    draft = NewsItemFactory()

    with replacements:
        attachment = AttachmentFactory(news=draft)
        attachment.delete()

    assert replacements.count == 0


def test_saving_a_draft_with_terms_in_the_admin_keeps_the_publication_state(
    terms, replacements
):
    draft = NewsItemFactory()
    client = Client()
    client.force_login(SuperuserFactory())
    values = {name: [term.pk] for name, term in terms.items() if name != "tags"}

    with replacements:
        response = client.post(
            change_url(draft), news_form(draft, title="Renamed", tags="elections", **values)
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.title == "Renamed"
    assert list(draft.tags.names()) == ["elections"]
    assert replacements.count == 0


def test_linking_a_term_to_a_published_item_replaces_the_publication_state(
    terms, replacements
):
    item = PublishedNewsFactory()

    for relation in RELATIONS:
        before = freshness.current()
        with replacements:
            relation.link.objects.create(
                **{relation.news_key: item, relation.term_key: terms[relation.name]}
            )
        assert freshness.current().token != before.token, relation.name


def test_removing_a_term_from_a_published_item_replaces_the_publication_state(terms):
    item = PublishedNewsFactory(fields_of_work=[terms["fields_of_work"]])
    before = freshness.current()

    item.fields_of_work.clear()

    assert freshness.current().token != before.token


def test_a_published_items_attachment_replaces_the_publication_state():
    item = PublishedNewsFactory()
    before = freshness.current()

    AttachmentFactory(news=item)

    assert freshness.current().token != before.token


def test_publishing_a_draft_and_returning_it_replace_the_publication_state(replacements):
    draft = NewsItemFactory()
    editor = SuperuserFactory()
    before = freshness.current()

    services.publish(draft, editor)
    published = freshness.current()
    services.withdraw(draft, editor, notice="Issued by mistake.")
    withdrawn = freshness.current()

    assert len({before.token, published.token, withdrawn.token}) == 3


def test_a_public_item_saved_back_to_draft_outside_the_workflow_replaces_the_state():
    item = PublishedNewsFactory()
    before = freshness.current()

    item.status = NewsItem.Status.DRAFT
    item.save()
    hidden = freshness.current()
    item.title = "Still a draft"
    item.save()

    assert hidden.token != before.token
    assert freshness.current().token == hidden.token


def test_returning_a_scheduled_item_to_draft_replaces_the_publication_state():
    item = PublishedNewsFactory(published_at=timezone.now() + datetime.timedelta(hours=1))
    before = freshness.current()
    assert before.next_change == item.published_at

    services.return_to_draft(item, SuperuserFactory())

    after = freshness.current()
    assert after.token != before.token
    assert after.next_change is None


def test_deleting_a_draft_keeps_and_deleting_a_published_item_replaces_the_state(terms):
    draft = NewsItemFactory(countries=[terms["countries"]])
    published = PublishedNewsFactory(countries=[terms["countries"]])
    before = freshness.current()

    draft.delete()
    assert freshness.current().token == before.token

    published.delete()
    assert freshness.current().token != before.token


def test_a_tag_shows_once_a_public_item_uses_it():
    """A new tag on a draft is on no public page (the tag filter of /news/ knows only the
    tags of published items): it replaces nothing until a published item uses it."""
    draft = NewsItemFactory()
    item = PublishedNewsFactory()
    before = freshness.current()

    draft.tags.add("budget")
    assert freshness.current().token == before.token

    item.tags.add("budget")
    assert freshness.current().token != before.token


def test_renaming_a_term_replaces_the_publication_state(terms):
    link_each_term(PublishedNewsFactory(), terms)
    for term in terms.values():
        before = freshness.current()
        term.name = f"{term.name} (renamed)"
        term.save()
        assert freshness.current().token != before.token, type(term).__name__


def test_a_write_that_sends_no_model_signal_is_announced_with_content_changed():
    item = PublishedNewsFactory()
    before = freshness.current()

    NewsItem.objects.filter(pk=item.pk).update(title="Renamed by a script")
    assert freshness.current().token == before.token  # update() sends no signal

    content_changed.send(sender=NewsItem)
    assert freshness.current().token != before.token


def test_reading_admin_pages_is_no_change(replacements):
    """Opening a page of the admin writes nothing and so replaces nothing (the admin's own
    test opens every page of a draft; this one guards the receivers against reads)."""
    draft = NewsItemFactory()
    client = Client()
    client.force_login(SuperuserFactory())

    with replacements:
        assert client.get(change_url(draft)).status_code == 200

    assert replacements.count == 0


def test_restoring_into_the_sites_own_database_replaces_the_publication_state(
    monkeypatch, tmp_path
):
    """A restore writes with pg_restore or SQLite's backup API: no model signal is sent."""
    from backups.management.commands import restore

    manifest = {
        "database": {"vendor": connection.vendor, "file": "database"},
        "rows": {},
        "media": {"files": 0},
        "created_at": "2026-12-01T03:15:00Z",
        "migrations": {},
    }
    monkeypatch.setattr(restore.archive, "verified_manifest", lambda folder: manifest)
    monkeypatch.setattr(restore.archive, "unpack_media", lambda path: None)
    monkeypatch.setattr(restore.database, "restore", lambda db, path: None)
    monkeypatch.setattr(restore.database, "state_of", lambda db: {"rows": {}})
    monkeypatch.setattr(restore, "connections", SimpleNamespace(close_all=lambda: None))
    before = freshness.current()

    call_command("restore", str(tmp_path), force=True, stdout=io.StringIO())

    assert freshness.current().token != before.token


def test_news_never_imports_the_public_site():
    """news announces writes with news.signals; the public site listens, never the reverse."""
    root = Path(settings.BASE_DIR) / "news"
    importing = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "newsroom" for name in names):
                importing.append(str(path.relative_to(root)))
    assert importing == []
