"""Every save keeps a revision: the history says who and when, and compares two of them."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from news import revisions, services
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
    UserFactory,
)
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def history_url(item):
    return reverse("admin:news_newsitem_history", args=[item.pk])


def compare_url(item, older, newer):
    url = reverse("admin:news_newsitem_compare", args=[item.pk])
    return f"{url}?from={older.pk}&to={newer.pk}"


def save_in_admin(client, item, **changes):
    response = client.post(change_url(item), form_values(client.get(change_url(item)), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Version.objects.get_for_object(item).order_by("-pk").first()


@pytest.fixture
def item(mission):
    return NewsItemFactory(
        title="Mission trains judges",
        body="<p>Forty judges took part in Belgrade.</p>",
        lead_structure=mission,
        fields_of_work=[FieldOfWorkFactory(name="Rule of law")],
        countries=[CountryFactory(name="Serbia")],
    )


@pytest.fixture
def editor_client(editor):
    editor.first_name, editor.last_name = "Ana", "Editor"
    editor.save()
    client = Client()
    client.force_login(editor)
    return client


def test_every_admin_save_keeps_a_revision_with_its_author(editor_client, editor, item):
    save_in_admin(editor_client, item)
    save_in_admin(editor_client, item, title="Mission trains prosecutors")

    versions = Version.objects.get_for_object(item)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {editor}
    assert versions[0].field_dict["title"] == "Mission trains prosecutors"
    assert versions[1].field_dict["title"] == "Mission trains judges"


def test_history_lists_who_saved_when(editor_client, item):
    first = save_in_admin(editor_client, item)
    save_in_admin(editor_client, item, title="Mission trains prosecutors")

    response = editor_client.get(history_url(item))

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("editor (Ana Editor)") == 2
    assert "Changed Title." in content
    assert reverse("admin:news_newsitem_revision", args=[item.pk, first.pk]) in content
    assert f'name="from" value="{first.pk}"' in content


def test_a_workflow_move_keeps_a_revision(editor, item):
    services.submit(item, editor)

    latest = Version.objects.get_for_object(item).first()
    assert latest.field_dict["status"] == "review"
    assert latest.revision.user == editor


def test_a_bulk_action_keeps_a_revision_of_each_item(editor_client, editor, item, mission):
    other = NewsItemFactory(lead_structure=mission)

    response = editor_client.post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "submit_selected", "_selected_action": [item.pk, other.pk]},
    )

    assert response.status_code == 302
    for news in (item, other):
        [version] = Version.objects.get_for_object(news)
        assert version.field_dict["status"] == "review"
        assert version.revision.user == editor
        assert version.revision.comment == "Status: Draft → Submitted for review."


def test_compare_shows_changed_fields_old_and_new(editor_client, item):
    first = save_in_admin(editor_client, item)
    second = save_in_admin(
        editor_client,
        item,
        title="Mission trains prosecutors",
        body="<p>Sixty prosecutors took part in Belgrade.</p>",
        fields_of_work=[str(FieldOfWorkFactory(name="Youth").pk)],
        countries=[],
    )

    response = editor_client.get(compare_url(item, first, second))

    assert response.status_code == 200
    changes = {change.label: change for change in response.context["changes"]}
    assert set(changes) == {"title", "body", "fields of work", "countries"}
    assert changes["title"].before == "Mission trains <del>judges</del>"
    assert changes["title"].after == "Mission trains <ins>prosecutors</ins>"
    assert "<del>Forty judges</del>" in changes["body"].before
    assert "<ins>Sixty prosecutors</ins>" in changes["body"].after
    assert changes["fields of work"].before == "<del>Rule of law</del>"
    assert changes["fields of work"].after == "<ins>Youth</ins>"
    assert changes["countries"].before == "<del>Serbia</del>"
    content = response.content.decode()
    assert '<th scope="row">Fields of work</th>' in content


def test_compare_lists_changed_relations_in_the_order_of_the_form(editor_client, item):
    first = save_in_admin(editor_client, item)
    second = save_in_admin(
        editor_client,
        item,
        supporting_structures=[str(StructureFactory(name="Office in Novi Pazar").pk)],
        fields_of_work=[str(FieldOfWorkFactory(name="Youth").pk)],
        countries=[],
        meeting_series=[str(MeetingSeriesFactory(name="Permanent Council").pk)],
        tags="judiciary",
    )

    changes = revisions.compare(first, second)

    assert [change.label for change in changes] == [
        "also issued by",
        "fields of work",
        "countries",
        "meetings and conferences",
        "tags",
    ]
    assert changes[-1].after == "<ins>judiciary</ins>"


def test_compare_escapes_what_editors_typed(editor_client, item):
    first = save_in_admin(editor_client, item)
    second = save_in_admin(editor_client, item, title="Judges <script>alert(1)</script>")

    content = editor_client.get(compare_url(item, first, second)).content.decode()

    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)" in content


def test_compare_refuses_bad_or_foreign_revisions(editor_client, item, mission):
    first = save_in_admin(editor_client, item)
    other = NewsItemFactory(lead_structure=mission)
    foreign = save_in_admin(editor_client, other)
    url = reverse("admin:news_newsitem_compare", args=[item.pk])

    assert editor_client.get(f"{url}?from=x&to={first.pk}").status_code == 400
    assert editor_client.get(url).status_code == 400
    assert editor_client.get(compare_url(item, first, foreign)).status_code == 404


def test_history_and_compare_are_hidden_from_publishers_of_other_structures(
    editor_client, outsider, item
):
    first = save_in_admin(editor_client, item)
    second = save_in_admin(editor_client, item, title="Mission trains prosecutors")
    client = Client()
    client.force_login(outsider)

    for url in (history_url(item), compare_url(item, first, second)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("admin:index")


def test_a_publisher_of_the_structure_sees_its_history(client, publisher, item):
    client.force_login(publisher)
    save_in_admin(client, item, title="Mission trains prosecutors")

    assert client.get(history_url(item)).status_code == 200


def test_users_without_a_name_are_shown_by_username(item, mission):
    user = UserFactory(username="svc-import", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    save_in_admin(client, item)

    assert "svc-import" in client.get(history_url(item)).content.decode()
