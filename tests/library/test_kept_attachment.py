"""A PDF attachment chosen in a news form that has errors is kept, named, and saved with the
form once the errors are fixed: it need not be chosen again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Attachment, NewsItem
from news.pending_uploads import SALT, sign
from tests.admin.test_news_form import form_data

pytestmark = pytest.mark.django_db

ADD = reverse("admin:news_newsitem_add")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="annual-report.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def with_attachment(file=None, kept="", **values):
    data = form_data(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Annual report",
            "attachments-0-language": "en",
            "attachments-0-order": "0",
            **values,
        }
    )
    data.setdefault("library_image", "")
    if file is not None:
        data["attachments-0-file"] = file
    if kept:
        data["attachments-0-file-kept"] = kept
    return data


def kept_token(response):
    page = response.content.decode()
    marker = 'name="attachments-0-file-kept" value="'
    assert marker in page, "the kept file should be carried by the form"
    return page.split(marker, 1)[1].split('"', 1)[0]


def test_a_chosen_pdf_survives_a_form_error_and_is_saved_after(client, superuser):
    client.force_login(superuser)

    refused = client.post(ADD, with_attachment(pdf(), title=""))

    assert refused.status_code == 200
    assert "title" in refused.context["adminform"].form.errors
    assert "Kept: annual-report.pdf" in refused.content.decode()
    token = kept_token(refused)

    saved = client.post(ADD, with_attachment(kept=token))

    assert saved.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.news == NewsItem.objects.get()
    assert attachment.original_name == "annual-report.pdf"
    assert attachment.file.name.startswith("news/attachments/")
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF


def test_a_file_that_is_not_a_pdf_is_not_kept(client, superuser):
    client.force_login(superuser)

    response = client.post(
        ADD, with_attachment(SimpleUploadedFile("report.pdf", b"<html>"), title="")
    )

    assert "Kept:" not in response.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        sign("news/images/2026/01/photo.jpg", "photo.jpg"),
        sign("news/attachments/../../settings.py", "x.pdf"),
    ],
)
def test_a_forged_or_foreign_reference_keeps_nothing(client, superuser, token):
    client.force_login(superuser)

    response = client.post(ADD, with_attachment(kept=token))

    assert response.status_code == 200  # the inline's file is still required
    assert not Attachment.objects.exists()
    assert SALT  # the reference is signed with the module's own salt
