"""Two people edit the same item: the second save is refused, the two edits are merged field
by field, the editor chooses where both changed the same field, and neither edit is lost."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from news import services
from news.models import NewsItem
from news.revisions.conflicts import local_time
from tests.factories import CountryFactory, NewsItemFactory, PublishedNewsFactory
from tests.revisions.browser import form_values
from tests.revisions.conftest import staff_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(mission):
    return NewsItemFactory(
        title="Mission trains judges",
        lede="Judges meet in Belgrade.",
        body="<p>Forty judges.</p>",
        lead_structure=mission,
    )


@pytest.fixture
def url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def first(editor):
    editor.first_name, editor.last_name = "Ana", "Editor"
    editor.save()
    return logged_in(editor)


@pytest.fixture
def second(publisher):
    return logged_in(publisher)


def refused_save(first, second, url, first_changes, **changes):
    """The second editor's save, refused because the first saved `first_changes` meanwhile."""
    second_form = second.get(url)
    assert first.post(url, form_values(first.get(url), **first_changes)).status_code == 302
    refused = second.post(url, form_values(second_form, **changes))
    assert refused.status_code == 200
    return refused


def conflicts(response):
    return {c.name: c for c in response.context["adminform"].form.edit_conflicts}


def error(response):
    [message] = response.context["adminform"].form.non_field_errors()
    return message


def test_the_refusal_names_who_saved_and_keeps_the_second_editors_text(first, second, item, url):
    country = CountryFactory(name="Serbia")

    response = refused_save(
        first,
        second,
        url,
        {"title": "Mission trains 40 judges"},
        lede="Judges and prosecutors meet in Belgrade.",
        body="<p>Forty judges and ten prosecutors.</p>",
        countries=[str(country.pk)],
    )

    message = error(response)
    assert message.startswith("Someone else (Ana Editor) saved this item at ")
    assert "Your changes are below and have not been saved" in message
    form = response.context["adminform"].form
    assert form["lede"].value() == "Judges and prosecutors meet in Belgrade."
    assert form["body"].value() == "<p>Forty judges and ten prosecutors.</p>"
    assert form["countries"].value() == [str(country.pk)]
    assert f'href="{reverse("news:preview", args=[item.pk])}"' in message
    assert f'href="{url}">discard your changes and open the current version' in message
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"
    assert item.body == "<p>Forty judges.</p>"
    assert not item.countries.exists()


def test_a_field_only_the_other_changed_takes_their_value_silently(first, second, item, url):
    response = refused_save(
        first, second, url, {"title": "Mission trains 40 judges"}, lede="A new lede."
    )

    form = response.context["adminform"].form
    assert form["title"].value() == "Mission trains 40 judges"
    assert form["lede"].value() == "A new lede."
    assert conflicts(response) == {}
    assert "Their changes to title are now in the form." in error(response)
    assert "Check the form and save again." in error(response)
    # Saving as shown keeps both edits.
    assert second.post(url, form_values(response)).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.lede) == ("Mission trains 40 judges", "A new lede.")


def test_only_fields_both_changed_differently_are_conflicts(first, second, item, url):
    response = refused_save(
        first,
        second,
        url,
        {"title": "Mission trains 40 judges", "lede": "Their lede.", "dateline": "BELGRADE"},
        title="Judges and prosecutors",
        lede="My lede.",
        dateline="BELGRADE",
    )

    assert set(conflicts(response)) == {"title", "lede"}
    assert "You both changed title and lede" in error(response)
    content = response.content.decode()
    assert 'name="resolve-title"' in content and 'name="resolve-lede"' in content
    assert 'name="resolve-dateline"' not in content
    assert "checked" not in re.search(r'id="edit-conflicts".*?</fieldset>', content, re.S)[0]


def test_each_conflict_shows_both_values_and_who_changed_it_when(first, second, item, url):
    response = refused_save(first, second, url, {"lede": "Their lede."}, lede="My lede.")

    lede = conflicts(response)["lede"]
    assert lede.label == "lede"
    assert lede.mine == "<mark>My</mark> lede."
    assert lede.theirs == "<mark>Their</mark> lede."
    assert lede.by == "Ana Editor"
    [version] = Version.objects.get_for_object(item)
    assert lede.at == local_time(version.revision.date_created)
    content = response.content.decode()
    assert "Changed by both of you: choose which version to keep" in content
    assert "Ana Editor" in content


def test_the_body_is_compared_as_text_not_markup(first, second, item, url):
    response = refused_save(
        first,
        second,
        url,
        {"body": "<p>Forty <strong>judges</strong> and a clerk.</p>"},
        body="<p>Forty judges & ten <em>prosecutors</em>.</p>",
    )

    body = conflicts(response)["body"]
    assert "<p>" not in body.mine and "<em>" not in body.mine
    assert "&amp;" in body.mine
    assert "<strong>" not in body.theirs
    assert "clerk" in body.theirs


def test_relations_are_merged_like_the_other_fields(first, second, item, url):
    serbia, moldova = CountryFactory(name="Serbia"), CountryFactory(name="Moldova")

    response = refused_save(
        first, second, url, {"countries": [str(serbia.pk)]}, countries=[str(moldova.pk)]
    )

    countries = conflicts(response)["countries"]
    assert "Moldova" in countries.mine and "Serbia" in countries.theirs
    saved = second.post(url, form_values(response, **{"resolve-countries": "theirs"}))
    assert saved.status_code == 302
    assert list(item.countries.all()) == [serbia]


def test_saving_without_choosing_is_refused_and_names_the_fields(first, second, item, url):
    refused = refused_save(
        first,
        second,
        url,
        {"title": "Their title", "lede": "Their lede."},
        title="My title",
        lede="My lede.",
    )

    again = second.post(url, form_values(refused, **{"resolve-title": "mine"}))

    assert again.status_code == 200
    assert error(again) == "Choose which version to keep for: lede."
    shown = conflicts(again)
    assert shown["lede"].missing and not shown["title"].missing
    assert shown["title"].choice == "mine"
    assert 'value="mine" required checked' in again.content.decode()
    item.refresh_from_db()
    assert (item.title, item.lede) == ("Their title", "Their lede.")


def test_choosing_per_field_saves_the_merge_and_loses_neither_edit(first, second, item, url):
    refused = refused_save(
        first,
        second,
        url,
        {"title": "Their title", "lede": "Their lede.", "dateline": "VIENNA"},
        title="My title",
        lede="My lede.",
        slug="my-slug",
    )

    saved = second.post(
        url, form_values(refused, **{"resolve-title": "theirs", "resolve-lede": "mine"})
    )

    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.title == "Their title"
    assert item.lede == "My lede."
    assert item.dateline == "VIENNA"
    assert item.slug == "my-slug"
    versions = Version.objects.get_for_object(item)  # newest first
    assert [v.field_dict["lede"] for v in versions] == ["My lede.", "Their lede."]


def test_a_choice_to_take_theirs_is_not_logged_as_a_change_of_mine(first, second, item, url):
    from django.contrib.admin.models import LogEntry

    refused = refused_save(first, second, url, {"title": "Their title"}, title="My title")

    second.post(url, form_values(refused, **{"resolve-title": "theirs"}))

    entry = LogEntry.objects.filter(object_id=str(item.pk)).first()
    assert "title" not in entry.get_change_message().lower()


def test_a_save_made_after_the_refusal_refuses_again_even_with_choices(first, second, item, url):
    refused = refused_save(first, second, url, {"title": "Their title"}, title="My title")
    first.post(url, form_values(first.get(url), title="Their second title"))

    again = second.post(url, form_values(refused, **{"resolve-title": "mine"}))

    assert again.status_code == 200
    assert "saved this item at" in error(again)
    title = conflicts(again)["title"]
    assert title.choice is None
    assert "<mark>Their second</mark> title" == title.theirs
    item.refresh_from_db()
    assert item.title == "Their second title"
    # Chosen against what it shows now, it goes through.
    assert second.post(url, form_values(again, **{"resolve-title": "mine"})).status_code == 302
    item.refresh_from_db()
    assert item.title == "My title"


def test_a_choice_alone_does_not_skip_the_check(first, second, item, url):
    second_form = second.get(url)
    first.post(url, form_values(first.get(url), title="Their title"))

    response = second.post(
        url, form_values(second_form, title="My title", **{"resolve-title": "mine"})
    )

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title == "Their title"


@pytest.mark.parametrize("edit_version", [None, "", "garbage", "12", "1:x|2:y", "|"])
def test_a_post_without_a_valid_edit_version_is_refused_and_keeps_the_text(
    first, item, url, edit_version
):
    values = form_values(first.get(url), title="Judges and prosecutors")
    if edit_version is None:
        del values["edit_version"]
    else:
        values["edit_version"] = edit_version

    response = first.post(url, values)

    assert response.status_code == 200
    assert "did not say which version of the item it was loaded from" in error(response)
    # Without knowing what the editor started from, whatever differs is theirs to choose.
    assert set(conflicts(response)) == {"title"}
    assert response.context["adminform"].form["title"].value() == "Judges and prosecutors"
    item.refresh_from_db()
    assert item.title == "Mission trains judges"
    assert first.post(url, form_values(response, **{"resolve-title": "mine"})).status_code == 302
    item.refresh_from_db()
    assert item.title == "Judges and prosecutors"


@pytest.mark.parametrize("edit_base", ["", "garbage", "e30:1tQ:bad"])
def test_a_tampered_base_makes_every_difference_a_choice(first, second, item, url, edit_base):
    second_form = form_values(second.get(url), title="My title")
    first.post(url, form_values(first.get(url), lede="Their lede."))
    second_form["edit_base"] = edit_base

    response = second.post(url, second_form)

    assert response.status_code == 200
    assert set(conflicts(response)) == {"title", "lede"}


def test_one_editor_saving_in_turn_meets_no_conflict(first, item, url):
    for title in ("First title", "Second title", "Third title"):
        response = first.post(url, form_values(first.get(url), title=title, _continue="1"))
        assert response.status_code == 302

    item.refresh_from_db()
    assert item.title == "Third title"


def test_a_status_change_made_meanwhile_is_kept(first, editor, second, item, url):
    second_form = second.get(url)
    services.submit(item, editor)

    refused = second.post(url, form_values(second_form, title="Judges and prosecutors"))

    assert refused.status_code == 200
    assert "saved this item at" in error(refused)
    assert conflicts(refused) == {}
    item.refresh_from_db()
    assert item.status == NewsItem.Status.REVIEW
    assert item.title == "Mission trains judges"
    assert second.post(url, form_values(refused)).status_code == 302
    item.refresh_from_db()
    assert item.status == NewsItem.Status.REVIEW
    assert item.title == "Judges and prosecutors"


def test_a_revert_made_meanwhile_is_not_overwritten(first, second, item, url):
    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))
    [version] = Version.objects.get_for_object(item)
    first.post(url, form_values(first.get(url), title="Mission trains 50 judges"))
    second_form = second.get(url)
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, version.pk])
    first.post(revision_url, form_values(first.get(revision_url)))
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"

    response = second.post(url, form_values(second_form, title="Judges and prosecutors"))

    assert response.status_code == 200
    assert "title" in conflicts(response)
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_the_save_locks_the_row_it_compares(first, url):
    with CaptureQueriesContext(connection) as queries:
        assert first.post(url, form_values(first.get(url), title="Locked")).status_code == 302

    assert any(
        'FOR UPDATE OF "news_newsitem"' in query["sql"] and '"news_newsitem"."id"' in query["sql"]
        for query in queries.captured_queries
    )


def test_their_issuer_date_and_alt_text_come_into_the_form_and_are_kept(
    first, item, url, other_mission
):
    second = logged_in(staff_in("Editor", "colleague"))
    # The first changes what the second leaves alone.
    response = refused_save(
        first,
        second,
        url,
        {
            "lead_structure": str(other_mission.pk),
            "date_issued": "2025-04-02",
            "image_alt": "Judges in a courtroom",
        },
        title="Judges and prosecutors",
    )

    assert conflicts(response) == {}
    form = response.context["adminform"].form
    assert str(form["lead_structure"].value()) == str(other_mission.pk)
    assert str(form["date_issued"].value()) == "2025-04-02"
    assert form["image_alt"].value() == "Judges in a courtroom"
    assert second.post(url, form_values(response)).status_code == 302
    item.refresh_from_db()
    assert item.title == "Judges and prosecutors"
    assert item.lead_structure == other_mission
    assert str(item.date_issued) == "2025-04-02"
    assert item.image_alt == "Judges in a courtroom"


def test_tags_are_compared_by_name(first, second, item, url):
    response = refused_save(first, second, url, {"tags": "courts, training"}, tags="courts")

    tags = conflicts(response)["tags"]
    assert "training" in tags.theirs and "training" not in tags.mine
    assert second.post(url, form_values(response, **{"resolve-tags": "theirs"})).status_code == 302
    assert sorted(tag.name for tag in item.tags.all()) == ["courts", "training"]


def test_a_published_item_meets_no_conflict_from_its_publication_time(first, editor, mission):
    published = PublishedNewsFactory(lead_structure=mission, title="Published judges")
    assert published.published_at.microsecond  # the form shows whole seconds
    url = reverse("admin:news_newsitem_change", args=[published.pk])
    colleague = logged_in(staff_in("Editor", "colleague"))

    response = refused_save(
        first, colleague, url, {"title": "Their title"}, lede="My lede.", _continue="1"
    )

    assert conflicts(response) == {}
    assert colleague.post(url, form_values(response)).status_code == 302
    published.refresh_from_db()
    assert (published.title, published.lede) == ("Their title", "My lede.")
    assert published.status == NewsItem.Status.PUBLISHED


def test_restoring_a_revision_after_someone_saved_is_refused_then_restores(
    first, second, item, url
):
    first.post(url, form_values(first.get(url), title="Mission trains 40 judges"))
    [version] = Version.objects.get_for_object(item)
    revision_url = reverse("admin:news_newsitem_revision", args=[item.pk, version.pk])
    revision_page = first.get(revision_url)
    second.post(url, form_values(second.get(url), lede="Their lede."))

    refused = first.post(revision_url, form_values(revision_page))

    assert refused.status_code == 200
    assert "saved this item at" in error(refused)
    item.refresh_from_db()
    assert item.lede == "Their lede."
    # Seen, the restore goes through; their save stays in the history.
    assert first.post(revision_url, form_values(refused)).status_code == 302
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"
    assert "Their lede." in [v.field_dict["lede"] for v in Version.objects.get_for_object(item)]
