"""Editors share an item under embargo from its change page; publishers only their own."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from embargoes import services
from embargoes.models import Embargo, Opening, Recipient
from news.models import NewsItem
from tests.embargoes.conftest import links_sent
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db


def local_input(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def share_url(item):
    return reverse("embargoes:share", args=[item.pk])


def test_the_change_page_offers_sharing_under_embargo_to_those_who_may_publish(
    login, editor, publisher_serbia, draft
):
    change = reverse("admin:news_newsitem_change", args=[draft.pk])

    assert share_url(draft) in login(editor).get(change).content.decode()
    page = login(publisher_serbia).get(change)
    assert page.status_code == 200
    assert share_url(draft) not in page.content.decode()


def test_an_editor_embargoes_a_draft_shares_it_sees_openings_and_revokes_one(
    login, editor, draft, lifts_at, client, django_capture_on_commit_callbacks
):
    admin = login(editor)
    assert admin.get(share_url(draft)).status_code == 200

    response = admin.post(share_url(draft), {"lifts_at": local_input(lifts_at)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_scheduled() and draft.published_at == lifts_at
    assert Embargo.objects.get(news=draft).lifts_at == lifts_at

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("embargoes:add-recipients", args=[draft.pk]),
            {"emails": "ana@example.org, press@partner.example\nthird@example.net"},
        )
    assert response.status_code == 302
    links = links_sent()
    assert len(links) == 3

    admin.logout()
    client.get(links["ana@example.org"], HTTP_USER_AGENT="NewsReader/2.1")
    client.force_login(editor)
    page = client.get(share_url(draft)).content.decode()
    assert "ana@example.org" in page and "NewsReader/2.1" in page
    assert "never opened" in page  # the two others

    ana = Recipient.objects.get(email="ana@example.org")
    response = client.post(reverse("embargoes:revoke", args=[draft.pk, ana.pk]))
    assert response.status_code == 302
    client.logout()
    assert client.get(links["ana@example.org"]).status_code == 410
    assert client.get(links["third@example.net"]).status_code == 200
    assert Opening.objects.count() == 2


def test_a_publisher_may_embargo_only_items_they_may_publish(
    login, publisher_with_publish_right, publisher_serbia, draft, secretariat_unit, lifts_at
):
    elsewhere = NewsItemFactory(lead_structure=secretariat_unit)

    # Of another structure: refused by the service, "does not exist" in the admin.
    with pytest.raises(services.Refused):
        services.set_embargo(elsewhere, publisher_with_publish_right, lifts_at)
    admin = login(publisher_with_publish_right)
    assert admin.get(share_url(elsewhere)).status_code == 404
    response = admin.post(share_url(elsewhere), {"lifts_at": local_input(lifts_at)})
    assert response.status_code == 404
    assert not Embargo.objects.exists()
    elsewhere.refresh_from_db()
    assert elsewhere.status == NewsItem.Status.DRAFT

    # Their own structure's item: allowed.
    response = admin.post(share_url(draft), {"lifts_at": local_input(lifts_at)})
    assert response.status_code == 302
    assert Embargo.objects.filter(news=draft).exists()

    # A publisher without the right to publish may not embargo even their own items.
    with pytest.raises(services.Refused):
        services.set_embargo(draft, publisher_serbia, lifts_at)
    assert login(publisher_serbia).get(share_url(draft)).status_code == 404


def test_a_publisher_of_another_structure_cannot_add_or_revoke_recipients(
    embargo, editor, publisher_secretariat_unit, login, share
):
    share("ana@example.org")
    ana = Recipient.objects.get()
    from django.contrib.auth.models import Permission

    publisher_secretariat_unit.user_permissions.add(
        Permission.objects.get(codename="publish_newsitem")
    )
    admin = login(publisher_secretariat_unit)

    add = reverse("embargoes:add-recipients", args=[embargo.news_id])
    assert admin.post(add, {"emails": "spy@example.org"}).status_code == 404
    revoke = reverse("embargoes:revoke", args=[embargo.news_id, ana.pk])
    assert admin.post(revoke).status_code == 404
    with pytest.raises(services.Refused):
        services.revoke(ana, publisher_secretariat_unit)
    ana.refresh_from_db()
    assert ana.revoked_at is None
    assert Recipient.objects.count() == 1


def test_the_admin_pages_need_a_staff_login(client, draft):
    response = client.get(share_url(draft))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


@pytest.mark.parametrize(
    "value", ["", "tomorrow", "2025-13-45T99:99", "2025-01-01T10:00", "x" * 5000]
)
def test_a_bad_or_past_embargo_time_is_a_400_that_says_why(login, editor, draft, value):
    response = login(editor).post(share_url(draft), {"lifts_at": value})

    assert response.status_code == 400
    assert response.context["form"].errors
    draft.refresh_from_db()
    assert draft.status == NewsItem.Status.DRAFT


def test_bad_addresses_are_a_400_naming_them(login, editor, embargo):
    response = login(editor).post(
        reverse("embargoes:add-recipients", args=[embargo.news_id]),
        {"emails": "ana@example.org not-an-address"},
    )

    assert response.status_code == 400
    assert "not-an-address" in response.content.decode()
    assert not Recipient.objects.exists()
    assert mail.outbox == []


def test_revoking_is_a_post_and_an_unknown_recipient_does_not_exist(login, editor, embargo):
    admin = login(editor)
    assert admin.get(reverse("embargoes:revoke", args=[embargo.news_id, 1])).status_code == 405
    assert admin.post(reverse("embargoes:revoke", args=[embargo.news_id, 999])).status_code == 404


def test_a_live_item_cannot_be_embargoed(editor, lifts_at):
    live = PublishedNewsFactory()

    with pytest.raises(services.Refused, match="draft, an item in review or a scheduled"):
        services.set_embargo(live, editor, lifts_at)


def test_an_incomplete_item_is_refused_with_the_workflows_reason(login, editor, lifts_at):
    incomplete = NewsItemFactory(fields_of_work=[])

    response = login(editor).post(share_url(incomplete), {"lifts_at": local_input(lifts_at)})

    assert response.status_code == 400
    assert "field of work" in response.content.decode()
    assert not Embargo.objects.exists()


def test_a_scheduled_item_embargoed_moves_to_the_embargo_time(editor, lifts_at):
    scheduled = PublishedNewsFactory(published_at=timezone.now() + datetime.timedelta(hours=3))

    services.set_embargo(scheduled, editor, lifts_at)

    scheduled.refresh_from_db()
    assert scheduled.published_at == lifts_at and scheduled.is_scheduled()


def test_a_closed_issuer_must_be_confirmed_as_when_publishing(login, editor, lifts_at):
    closed = StructureFactory(name="Special Monitoring Mission", is_active=False)
    item = NewsItemFactory(lead_structure=closed)
    admin = login(editor)

    page = admin.get(share_url(item)).content.decode()
    assert "Special Monitoring Mission has closed." in page
    refused = admin.post(share_url(item), {"lifts_at": local_input(lifts_at)})
    assert refused.status_code == 400
    assert "Confirm that it should be published anyway" in refused.content.decode()
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DRAFT

    confirmed = admin.post(share_url(item), {"lifts_at": local_input(lifts_at), "confirmed": "on"})
    assert confirmed.status_code == 302
    item.refresh_from_db()
    assert item.is_scheduled()
