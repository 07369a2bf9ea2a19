"""/en/news/<slug>/attachments/<id>/ finds the item by its slug and the document by its id:
neither id stands for the other."""

import pytest

from tests.factories import AttachmentFactory, PublishedNewsFactory

pytestmark = pytest.mark.django_db


def test_an_attachment_is_served_when_its_id_is_not_its_items(client):
    other = PublishedNewsFactory()
    AttachmentFactory.create_batch(2, news=other)
    item = PublishedNewsFactory()
    document = AttachmentFactory(news=item)
    assert document.pk != item.pk

    response = client.get(document.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_an_attachment_is_404_under_another_items_address(client):
    item, other = PublishedNewsFactory(), PublishedNewsFactory()
    document = AttachmentFactory(news=other)

    response = client.get(f"{item.get_absolute_url()}attachments/{document.pk}/")

    assert response.status_code == 404
