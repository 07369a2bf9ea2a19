"""A draft's documents cannot be fetched by path, only through views that check the viewer."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from news.models import PreviewLink
from structures.models import Membership
from tests.factories import (
    AttachmentFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def publisher_of(structure, username):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name="Publisher"))
    Membership.objects.create(user=user, structure=structure)
    return user


def test_attachments_are_stored_outside_the_public_media_folder():
    attachment = AttachmentFactory(news=NewsItemFactory())

    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert attachment.file.url == ""


def test_the_public_page_links_the_served_document(client):
    attachment = AttachmentFactory(news=PublishedNewsFactory())

    page = client.get(attachment.news.get_absolute_url()).content.decode()

    assert f'href="{attachment.get_absolute_url()}"' in page
    assert client.get(attachment.get_absolute_url()).status_code == 200


def test_a_drafts_document_is_served_to_its_publisher_from_the_preview(client):
    mission = StructureFactory()
    attachment = AttachmentFactory(news=NewsItemFactory(lead_structure=mission))
    client.force_login(publisher_of(mission, "serbia"))

    preview = client.get(reverse("news:preview", args=[attachment.news.pk])).content.decode()
    url = reverse("news:preview-attachment", args=[attachment.news.pk, attachment.pk])
    response = client.get(url)

    assert f'href="{url}"' in preview
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_a_drafts_document_is_404_for_a_publisher_of_another_structure(client):
    attachment = AttachmentFactory(news=NewsItemFactory(lead_structure=StructureFactory()))
    client.force_login(publisher_of(StructureFactory(), "moldova"))

    url = reverse("news:preview-attachment", args=[attachment.news.pk, attachment.pk])

    assert client.get(url).status_code == 404


def test_a_drafts_document_is_404_to_visitors_under_the_public_address(client):
    attachment = AttachmentFactory(news=NewsItemFactory())

    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_a_shared_link_serves_only_its_own_items_documents_until_it_expires(client):
    attachment = AttachmentFactory(news=NewsItemFactory())
    other = AttachmentFactory(news=NewsItemFactory())
    link = PreviewLink.objects.create(
        news=attachment.news,
        token="a-secret-token-for-tests",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    own = reverse("news:shared-preview-attachment", args=[link.token, attachment.pk])
    foreign = reverse("news:shared-preview-attachment", args=[link.token, other.pk])

    assert f'href="{own}"' in client.get(link.get_absolute_url()).content.decode()
    response = client.get(own)
    assert response.status_code == 200
    assert "Set-Cookie" not in response
    assert client.get(foreign).status_code == 404
    later = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get(own).status_code == 404


def test_the_admin_links_a_stored_document_through_the_preview_route(client):
    from tests.factories import SuperuserFactory

    attachment = AttachmentFactory(news=NewsItemFactory())
    client.force_login(SuperuserFactory())

    page = client.get(reverse("admin:news_newsitem_change", args=[attachment.news.pk]))

    url = reverse("news:preview-attachment", args=[attachment.news.pk, attachment.pk])
    assert f'href="{url}"' in page.content.decode()
