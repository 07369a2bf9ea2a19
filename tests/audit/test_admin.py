"""The audit log in the admin: listed and filtered for superusers, hidden from everyone else,
and read-only for all: no add, change or delete page, no bulk deletion."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

from audit.models import Entry
from tests.factories import FieldOfWorkFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:audit_entry_changelist")


def entry(**values):
    return Entry.objects.create(
        **{
            "action": Entry.Action.CHANGE,
            "model": "taxonomy.fieldofwork",
            "object_id": "7",
            "object_repr": "Youth",
            "origin": "198.51.100.1",
            **values,
        }
    )


def listed(response):
    return {row.pk for row in response.context["cl"].result_list}


def test_a_superuser_lists_entries_and_filters_them_by_user_action_model_and_date(
    superuser_client, superuser
):
    other = UserFactory(username="olga", is_staff=True)
    mine = entry(user=superuser, username=superuser.username)
    theirs = entry(user=other, username="olga", action=Entry.Action.DELETE, model="news.newsitem")
    old = entry(user=other, username="olga")
    Entry.objects.filter(pk=old.pk).update(at=old.at - datetime.timedelta(days=400))

    assert {mine.pk, theirs.pk, old.pk} <= listed(superuser_client.get(CHANGELIST))
    assert listed(superuser_client.get(CHANGELIST, {"user": other.pk})) == {
        theirs.pk,
        old.pk,
    }
    assert listed(superuser_client.get(CHANGELIST, {"action": "delete"})) == {theirs.pk}
    assert listed(superuser_client.get(CHANGELIST, {"model": "news.newsitem"})) == {theirs.pk}
    week = superuser_client.get(CHANGELIST).context["cl"]
    past_week = [
        choice["query_string"]
        for spec in week.filter_specs
        for choice in spec.choices(week)
        if str(choice["display"]) == "Past 7 days"
    ][0]
    recent = listed(superuser_client.get(CHANGELIST + past_week))
    assert {mine.pk, theirs.pk} <= recent
    assert old.pk not in recent


def test_a_superuser_searches_entries_by_object_user_and_address(superuser_client):
    found = entry(object_repr="Mission to Moldova", username="mira", origin="192.0.2.44")
    entry(object_repr="Youth")
    for term in ["Moldova", "mira", "192.0.2.44"]:
        assert listed(superuser_client.get(CHANGELIST, {"q": term})) == {found.pk}


def test_an_entry_page_shows_its_changes_and_offers_no_save_or_delete(superuser_client):
    shown = entry(changes={"name": {"before": "Youth", "after": "Youth and security"}})
    response = superuser_client.get(reverse("admin:audit_entry_change", args=[shown.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Youth and security" in body
    assert 'name="_save"' not in body
    assert "deletelink" not in body


def test_no_one_adds_changes_or_deletes_an_entry_through_the_admin(superuser_client, superuser):
    kept = entry(object_repr="Kept as it was")
    for view, args in [("add", []), ("delete", [kept.pk])]:
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:audit_entry_{view}", args=args)
    change = reverse("admin:audit_entry_change", args=[kept.pk])
    response = superuser_client.post(change, {"object_repr": "Rewritten", "note": "x"})
    assert response.status_code == 403
    # No bulk action either, "delete selected" included.
    response = superuser_client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [kept.pk], "post": "yes"}
    )
    assert superuser_client.get(CHANGELIST).context["action_form"] is None
    kept.refresh_from_db()
    assert kept.object_repr == "Kept as it was"
    assert Entry.objects.filter(pk=kept.pk).exists()


def test_staff_with_every_permission_on_entries_but_not_superuser_see_no_log(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(content_type__app_label="audit"))
    shown = entry()
    client.force_login(staff)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(reverse("admin:audit_entry_change", args=[shown.pk])).status_code == 403
    index = client.get(reverse("admin:index"))
    assert "audit" not in [app["app_label"] for app in index.context["app_list"]]


def test_an_admins_edit_appears_in_the_log_the_superuser_reads(superuser_client, superuser):
    field = FieldOfWorkFactory(name="Migration")
    response = superuser_client.post(
        reverse("admin:taxonomy_fieldofwork_change", args=[field.pk]),
        {"name": "Migration governance", "slug": field.slug, "order": 0, "description": ""},
    )
    assert response.status_code == 302
    response = superuser_client.get(CHANGELIST, {"q": "Migration governance"})
    (shown,) = response.context["cl"].result_list
    assert (shown.user, shown.action) == (superuser, Entry.Action.CHANGE)
    assert shown.changes["name"]["before"] == "Migration"
