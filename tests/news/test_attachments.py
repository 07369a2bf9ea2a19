"""Attachments: PDF only, and served to visitors only while their item is published."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from news.models import Attachment, NewsItem
from tests.factories import (
    AttachmentFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    SuperuserFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def attachment_with_upload(data, name="report.pdf"):
    return Attachment(
        news=NewsItemFactory(),
        title="Annual report",
        file=SimpleUploadedFile(name, data, content_type="application/pdf"),
    )


def test_a_pdf_is_accepted():
    attachment_with_upload(PDF).full_clean()


def test_a_file_that_is_not_a_pdf_is_refused_even_named_pdf():
    attachment = attachment_with_upload(b"<html><script>alert(1)</script></html>")

    with pytest.raises(ValidationError) as refused:
        attachment.full_clean()
    assert "not a PDF document" in " ".join(refused.value.message_dict["file"])


def test_a_pdf_without_the_pdf_extension_is_refused():
    with pytest.raises(ValidationError) as refused:
        attachment_with_upload(PDF, name="report.exe").full_clean()
    assert "file" in refused.value.message_dict


def test_a_pdf_over_the_size_limit_is_refused_with_the_limit_named():
    attachment = attachment_with_upload(PDF + b"0" * (25 * 1024 * 1024))

    with pytest.raises(ValidationError) as refused:
        attachment.full_clean()
    assert "the limit is 25.0\xa0MB" in " ".join(refused.value.message_dict["file"])


def test_the_admin_refuses_a_non_pdf_attachment_beside_the_field(client):
    client.force_login(SuperuserFactory())

    response = client.post(
        reverse("admin:news_newsitem_add"),
        {
            "title": "Report published",
            "slug": "report-published",
            "kind": NewsItem.Kind.NEWS,
            "status": NewsItem.Status.DRAFT,
            "attachments-TOTAL_FORMS": "1",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "attachments-0-title": "Annual report",
            "attachments-0-file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"),
            "attachments-0-language": "en",
            "attachments-0-order": "0",
            "_save": "Save",
        },
    )

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "not a PDF document" in " ".join(formset.forms[0].errors["file"])
    assert not NewsItem.objects.exists()


def test_a_published_items_attachment_is_served_inline_as_pdf(client):
    attachment = AttachmentFactory(
        news=PublishedNewsFactory(),
        title="Annual Report 2024: Élections & <Media>",
        file__data=PDF,
    )

    response = client.get(attachment.get_absolute_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="annual-report-2024-elections-media.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    assert not response.cookies


def test_the_attachment_address_is_under_its_item():
    attachment = AttachmentFactory(news=PublishedNewsFactory(slug="osce-report"))

    assert attachment.get_absolute_url() == f"/en/news/osce-report/attachments/{attachment.pk}/"


@pytest.mark.parametrize(
    "unpublished",
    [
        {"status": NewsItem.Status.DRAFT},
        {"status": NewsItem.Status.REVIEW},
        {
            "status": NewsItem.Status.PUBLISHED,
            "published_at": timezone.now() + datetime.timedelta(days=1),
        },
    ],
    ids=["draft", "review", "scheduled"],
)
def test_an_unpublished_items_attachment_is_404(client, unpublished):
    attachment = AttachmentFactory(news=NewsItemFactory(**unpublished))

    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_an_attachment_asked_for_under_another_item_is_404(client):
    attachment = AttachmentFactory(news=NewsItemFactory())
    other = PublishedNewsFactory()

    url = reverse("news:attachment", args=[other.slug, attachment.pk])

    assert client.get(url).status_code == 404


def test_an_attachment_whose_file_is_missing_is_404(client):
    attachment = AttachmentFactory(news=PublishedNewsFactory())
    attachment.file.storage.delete(attachment.file.name)

    assert client.get(attachment.get_absolute_url()).status_code == 404
