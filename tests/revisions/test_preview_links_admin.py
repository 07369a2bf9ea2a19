"""Editors make, list and revoke shared preview links on an item's change page."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from news import previews
from news.models import PreviewLink
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(mission):
    return NewsItemFactory(title="Mission trains judges", lead_structure=mission)


def change_url(item):
    return reverse("admin:news_newsitem_change", args=[item.pk])


def create_url(item):
    return reverse("admin:news_newsitem_preview_link_create", args=[item.pk])


def revoke_url(link):
    return reverse("admin:news_newsitem_preview_link_revoke", args=[link.news_id, link.pk])


def test_publisher_creates_a_link_valid_for_the_days_chosen(client, publisher, item):
    client.force_login(publisher)

    response = client.post(create_url(item), {"days": "3"})

    assert response.status_code == 302
    assert response["Location"] == f"{change_url(item)}#preview-links"
    link = PreviewLink.objects.get(news=item)
    assert link.created_by == publisher
    expected = timezone.now() + datetime.timedelta(days=3)
    assert abs(link.expires_at - expected) < datetime.timedelta(minutes=1)
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"http://testserver{link.get_absolute_url()}" in message


def test_change_page_offers_a_preview_and_lists_links_with_revoke_buttons(client, publisher, item):
    active = previews.create_link(item, publisher)
    revoked = previews.revoke(previews.create_link(item, publisher))
    client.force_login(publisher)

    content = client.get(change_url(item)).content.decode()

    assert f'href="{reverse("news:preview", args=[item.pk])}"' in content
    assert 'name="days" value="7" min="1" max="30"' in content
    assert f"http://testserver{active.get_absolute_url()}" in content
    assert f'action="{revoke_url(active)}"' in content
    assert revoked.get_absolute_url() not in content
    assert f'action="{revoke_url(revoked)}"' not in content
    assert "Revoked on" in content
    assert 'name="edit_version"' in content


@pytest.mark.parametrize("days", ["0", "31", "seven", ""])
def test_a_validity_outside_one_to_thirty_days_is_refused(client, publisher, item, days):
    client.force_login(publisher)

    response = client.post(create_url(item), {"days": days})

    assert response.status_code == 302
    assert not PreviewLink.objects.exists()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message == "A preview link lasts from 1 to 30 days."


def test_revoking_stops_the_link(client, publisher, item):
    link = previews.create_link(item, publisher)
    client.force_login(publisher)

    response = client.post(revoke_url(link))

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    client.logout()
    assert client.get(link.get_absolute_url()).status_code == 410


def test_links_are_made_and_revoked_by_post_only(client, publisher, item):
    link = previews.create_link(item, publisher)
    client.force_login(publisher)

    assert client.get(create_url(item)).status_code == 405
    assert client.get(revoke_url(link)).status_code == 405
    link.refresh_from_db()
    assert link.revoked_at is None


def test_publisher_of_another_structure_can_neither_create_nor_revoke(
    client, publisher, outsider, item
):
    link = previews.create_link(item, publisher)
    client.force_login(outsider)

    client.post(create_url(item), {"days": "7"})
    client.post(revoke_url(link))

    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_a_link_cannot_be_revoked_through_another_item(client, publisher, item, mission):
    other = NewsItemFactory(lead_structure=mission)
    link = previews.create_link(other, publisher)
    client.force_login(publisher)

    url = reverse("admin:news_newsitem_preview_link_revoke", args=[item.pk, link.pk])
    assert client.post(url).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
