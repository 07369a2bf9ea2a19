"""Every write to content, taxonomy and roles leaves an entry: who, when, what, from where."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from alerts.models import Subscription
from audit.middleware import current_request
from audit.models import Entry
from embargoes import services as embargo_services
from embargoes.models import Opening
from meetings.models import Meeting, MeetingNews
from news.models import NewsItem, PreviewLink, Transition
from news.revisions import saved_state
from structures.models import FormerName, Membership
from taxonomy.models import Country, FieldOfWork, MeetingSeries
from tests.admin.test_news_form import form_data
from tests.audit.conftest import CLIENT_IP
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Action = Entry.Action


def entries_for(obj):
    return list(
        Entry.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk)).order_by("id")
    )


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def assert_by(entry, user):
    assert entry.user == user
    assert entry.username == user.username
    assert entry.origin == CLIENT_IP
    assert abs(entry.at - timezone.now()) < datetime.timedelta(minutes=1)


def test_creating_changing_and_deleting_a_field_of_work_in_the_admin_is_logged(
    superuser_client, superuser
):
    response = superuser_client.post(
        admin_url(FieldOfWork, "add"),
        {"name": "Cyber security", "slug": "cyber-security", "order": 3, "description": ""},
    )
    assert response.status_code == 302
    field = FieldOfWork.objects.get(slug="cyber-security")
    response = superuser_client.post(
        admin_url(FieldOfWork, "change", field.pk),
        {"name": "Cyber/ICT security", "slug": "cyber-security", "order": 3, "description": ""},
    )
    assert response.status_code == 302
    response = superuser_client.post(admin_url(FieldOfWork, "delete", field.pk), {"post": "yes"})
    assert response.status_code == 302

    created, changed, deleted = entries_for(field)
    for entry in (created, changed, deleted):
        assert_by(entry, superuser)
    assert created.action == Action.CREATE
    assert created.object_repr == "Cyber security"
    assert changed.action == Action.CHANGE
    assert changed.changes == {"name": {"before": "Cyber security", "after": "Cyber/ICT security"}}
    assert deleted.action == Action.DELETE
    assert deleted.object_repr == "Cyber/ICT security"


def test_countries_meeting_series_structures_and_former_names_are_logged(
    superuser_client, superuser
):
    country = CountryFactory(name="Finland")
    series = MeetingSeriesFactory(name="Ministerial Councils")
    structure = StructureFactory(name="Mission to Skopje")
    response = superuser_client.post(
        admin_url(Country, "change", country.pk),
        {"name": "Finland", "slug": country.slug, "iso_code": "FI", "group": "participating"},
    )
    assert response.status_code == 302
    response = superuser_client.post(admin_url(MeetingSeries, "delete", series.pk), {"post": "y"})
    assert response.status_code == 302

    iso_change = entries_for(country)[-1]
    assert_by(iso_change, superuser)
    assert iso_change.changes["iso_code"]["after"] == "FI"
    assert entries_for(series)[-1].action == Action.DELETE
    # Made outside a request (a factory, like a management command): the system's.
    made = entries_for(structure)[0]
    assert (made.action, made.user, made.origin) == (Action.CREATE, None, "system")

    former = FormerName.objects.create(structure=structure, name="Spillover Monitor Mission")
    assert entries_for(former)[0].object_repr == "Spillover Monitor Mission"


def test_an_items_edit_records_its_simple_fields_before_and_after_cut_when_long(
    superuser_client, superuser
):
    item = NewsItemFactory(title="Old title")
    data = form_data(
        edit_version=saved_state(item.pk).token,
        title="New title",
        slug=item.slug,
        lede="x" * 500,
        lead_structure=item.lead_structure_id,
        fields_of_work=[field.pk for field in item.fields_of_work.all()],
        date_issued="2025-03-14",
    )
    response = superuser_client.post(admin_url(NewsItem, "change", item.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    entry = [e for e in entries_for(item) if e.action == Action.CHANGE][-1]
    assert_by(entry, superuser)
    assert entry.changes["title"] == {"before": "Old title", "after": "New title"}
    assert entry.changes["lede"]["before"] == "A short opening paragraph."
    assert len(entry.changes["lede"]["after"]) == 200


def test_terms_added_to_and_removed_from_an_item_are_logged_by_name():
    old, new = FieldOfWorkFactory(name="Gender equality"), FieldOfWorkFactory(name="Youth")
    item = NewsItemFactory(fields_of_work=[old])
    item.fields_of_work.set([new])

    relation_entries = [e for e in entries_for(item) if "fields_of_work" in e.changes]
    changes = [e.changes["fields_of_work"] for e in relation_entries]
    assert {"removed": ["Gender equality"]} in changes
    assert {"added": ["Youth"]} in changes
    # The link rows themselves are not logged a second time.
    assert not Entry.objects.filter(model="news.newsfieldofwork").exists()


def test_publishing_withdrawing_and_returning_are_logged_as_status_moves(
    superuser_client, superuser
):
    item = NewsItemFactory()
    changelist = admin_url(NewsItem, "changelist")
    response = superuser_client.post(
        changelist, {"action": "publish_selected", "_selected_action": [item.pk]}
    )
    assert response.status_code == 302
    response = superuser_client.post(
        changelist,
        {"action": "withdraw_selected", "_selected_action": [item.pk], "notice": "Wrong date."},
    )
    assert response.status_code == 302
    assert Transition.objects.filter(news=item).count() == 2

    moves = [e for e in entries_for(item) if e.action == Action.STATE]
    assert [m.changes["status"] for m in moves] == [
        {"before": "draft", "after": "published"},
        {"before": "published", "after": "withdrawn"},
    ]
    for move in moves:
        assert_by(move, superuser)
    assert moves[1].note == "Wrong date."


def test_scheduling_is_logged_with_the_publication_time(superuser_client, superuser):
    later = timezone.now() + datetime.timedelta(days=2)
    item = NewsItemFactory(published_at=later)
    response = superuser_client.post(
        admin_url(NewsItem, "changelist"),
        {"action": "publish_selected", "_selected_action": [item.pk]},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_scheduled()
    move = [e for e in entries_for(item) if e.action == Action.STATE][-1]
    assert move.changes["status"] == {"before": "draft", "after": "published"}
    assert_by(move, superuser)


def test_preview_links_made_and_revoked_are_logged_without_their_secret(
    superuser_client, superuser
):
    item = NewsItemFactory()
    response = superuser_client.post(
        reverse("admin:news_newsitem_preview_link_create", args=[item.pk]), {"days": 3}
    )
    assert response.status_code == 302
    link = PreviewLink.objects.get(news=item)
    response = superuser_client.post(
        reverse("admin:news_newsitem_preview_link_revoke", args=[item.pk, link.pk])
    )
    assert response.status_code == 302

    made, revoked = entries_for(link)
    assert made.action == Action.CREATE
    assert_by(made, superuser)
    assert made.object_repr == f"Preview of “{item.title}”"
    assert revoked.action == Action.CHANGE
    assert_by(revoked, superuser)
    assert set(revoked.changes) == {"revoked_at"}
    assert link.token not in str(Entry.objects.values_list("changes", "note", "object_repr"))


def test_deleting_an_item_is_one_entry_not_one_for_each_row_that_goes_with_it(
    superuser_client, superuser
):
    item = PublishedNewsFactory(countries=[CountryFactory()])
    Transition.objects.create(news=item, to_status="published")
    before = Entry.objects.count()
    response = superuser_client.post(admin_url(NewsItem, "delete", item.pk), {"post": "yes"})
    assert response.status_code == 302

    new = list(Entry.objects.order_by("id")[before:])
    deletions = [e for e in new if e.action == Action.DELETE]
    assert [(e.model, e.object_id) for e in deletions] == [("news.newsitem", str(item.pk))]
    assert_by(deletions[0], superuser)


def test_roles_groups_permissions_and_memberships_are_logged(superuser_client, superuser):
    editor = UserFactory(username="erin")
    editors = Group.objects.create(name="Editors")
    publish = Permission.objects.get(codename="publish_newsitem")
    structure = StructureFactory(name="Mission to Serbia")
    response = superuser_client.post(
        admin_url(type(editor), "change", editor.pk),
        {
            "username": "erin",
            "password": editor.password,
            "email": editor.email,
            "is_active": "on",
            "is_staff": "on",
            "groups": [editors.pk],
            "user_permissions": [publish.pk],
            "date_joined_0": "2025-01-01",
            "date_joined_1": "10:00:00",
            "initial-date_joined_0": "2025-01-01",
            "initial-date_joined_1": "10:00:00",
            "structure_memberships-TOTAL_FORMS": 1,
            "structure_memberships-INITIAL_FORMS": 0,
            "structure_memberships-0-structure": structure.pk,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    changes = {}
    for entry in entries_for(editor):
        assert_by(entry, superuser) if entry.origin != "system" else None
        changes.update(entry.changes)
    assert changes["is_staff"] == {"before": False, "after": True}
    assert changes["groups"] == {"added": ["Editors"]}
    assert "publish" in str(changes["user_permissions"]["added"])
    membership = Membership.objects.get(user=editor)
    assert_by(entries_for(membership)[0], superuser)

    editors.permissions.add(publish)
    assert "publish" in str(entries_for(editors)[-1].changes["permissions"]["added"])


def test_a_password_change_is_logged_without_the_password():
    user = UserFactory()
    user.set_password("a new secret phrase")
    user.save()
    entry = entries_for(user)[-1]
    assert entry.changes == {"password": {"before": "***", "after": "***"}}


def test_signing_in_is_not_a_change_of_the_account(client):
    user = UserFactory(is_staff=True)
    before = Entry.objects.count()
    response = client.post(
        reverse("admin:login"),
        {"username": user.username, "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_login is not None
    assert Entry.objects.count() == before


def test_a_management_command_is_logged_as_the_system():
    call_command("load_taxonomy", verbosity=0)
    entry = Entry.objects.filter(model="taxonomy.fieldofwork").first()
    assert entry is not None
    assert (entry.user, entry.username, entry.origin) == (None, "", "system")


def test_an_alert_removed_by_staff_is_logged_and_a_sign_up_is_not(superuser_client, superuser):
    subscription = Subscription.objects.create(email="reader@example.org", query="year=2025")
    assert entries_for(subscription) == []
    response = superuser_client.post(
        admin_url(Subscription, "delete", subscription.pk), {"post": "yes"}
    )
    assert response.status_code == 302
    (deleted,) = entries_for(subscription)
    assert deleted.action == Action.DELETE
    assert_by(deleted, superuser)


def test_reading_the_public_site_logs_nothing(client):
    item = PublishedNewsFactory()
    before = Entry.objects.count()
    for url in [
        "/en/",
        reverse("news:list"),
        item.get_absolute_url(),
        item.lead_structure.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 200
    assert Entry.objects.count() == before


def test_a_reader_unsubscribing_leaves_nothing_of_the_alert_in_the_log():
    subscription = Subscription.objects.create(email="reader@example.org", query="year=2025")
    subscription.delete()  # as the unsubscribe link does, with no staff member signed in
    assert not Entry.objects.filter(model="alerts.subscription").exists()
    assert "reader@example.org" not in str(Entry.objects.values_list("object_repr", "changes"))


def test_embargo_actions_are_logged_and_a_recipients_openings_are_not(superuser_client, superuser):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT)
    lifts_at = timezone.now() + datetime.timedelta(days=1)
    request = RequestFactory(REMOTE_ADDR=CLIENT_IP).post("/admin/")
    request.user = superuser
    token = current_request.set(request)
    try:
        embargo = embargo_services.set_embargo(item, superuser, lifts_at)
        (recipient,) = embargo_services.add_recipients(embargo, superuser, ["desk@example.org"])
        embargo_services.revoke(recipient, superuser)
    finally:
        current_request.reset(token)
    Opening.objects.create(recipient=recipient)

    (made,) = entries_for(embargo)
    assert made.action == Action.CREATE
    assert_by(made, superuser)
    added, revoked = entries_for(recipient)
    assert (added.action, added.object_repr) == (Action.CREATE, "desk@example.org")
    assert revoked.changes.keys() == {"revoked_at"}
    assert_by(revoked, superuser)
    assert [
        e.changes["status"]["after"] for e in entries_for(item) if e.action == Action.STATE
    ] == ["published"]
    assert not Entry.objects.filter(model="embargoes.opening").exists()


def test_clearing_an_items_countries_names_those_removed():
    item = NewsItemFactory(countries=[CountryFactory(name="Malta"), CountryFactory(name="Peru")])
    item.countries.clear()
    assert entries_for(item)[-1].changes == {"countries": {"removed": ["Malta", "Peru"]}}


def test_models_outside_the_audited_apps_keep_djangos_fast_deletion():
    from django.contrib.sessions.models import Session
    from django.db.models.deletion import Collector

    from news.models import KeptPost

    collector = Collector(using="default")
    assert collector.can_fast_delete(Session.objects.all())
    assert collector.can_fast_delete(KeptPost.objects.all())
    assert not collector.can_fast_delete(FieldOfWork.objects.all())


def test_meetings_and_the_news_attached_to_them_are_logged():
    meeting = Meeting.objects.create(
        series=MeetingSeriesFactory(name="Ministerial Councils"),
        title="Ministerial Council 2024",
        slug="valletta-2024",
        city="Valletta",
        country=CountryFactory(name="Malta"),
        start_date=datetime.date(2024, 12, 5),
        end_date=datetime.date(2024, 12, 6),
    )
    link = MeetingNews.objects.create(meeting=meeting, news=NewsItemFactory())

    assert [e.action for e in entries_for(meeting)] == [Action.CREATE]
    assert [e.action for e in entries_for(link)] == [Action.CREATE]
