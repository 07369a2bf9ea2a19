"""A file that cannot be stored: the editor gets the form back with the text, not a 500."""

import io
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from reversion.models import Version

from news.models import Attachment, NewsItem
from tests.factories import NewsItemFactory
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:news_newsitem_add")
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (220, 20, 20)).save(output, "JPEG")
    return SimpleUploadedFile("photo.jpg", output.getvalue(), content_type="image/jpeg")


def storage_failing_with(error):
    return mock.patch.object(FileSystemStorage, "_save", side_effect=error)


def form_error(response):
    return " ".join(response.context["adminform"].form.non_field_errors())


@pytest.fixture
def item():
    return NewsItemFactory(title="Mission trains judges", lede="Forty judges.")


def test_a_lead_image_that_cannot_be_stored_gives_the_form_back_with_the_text(
    superuser_client, item
):
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    values = form_values(
        superuser_client.get(url),
        title="Mission trains 40 judges",
        lede="Forty judges and ten prosecutors.",
        image=jpeg(),
        image_alt="Judges in the courtroom",
    )
    revisions = Version.objects.count()

    denied = PermissionError(13, "Permission denied", "/srv/media/news/2025/photo.jpg")
    with storage_failing_with(denied):
        response = superuser_client.post(url, values)

    assert response.status_code == 200
    error = form_error(response)
    assert "The file could not be stored: Permission denied." in error
    assert "Your text is kept; choose the file again." in error
    assert "/srv/media" not in response.content.decode()
    form = response.context["adminform"].form
    assert form["title"].value() == "Mission trains 40 judges"
    assert form["lede"].value() == "Forty judges and ten prosecutors."
    assert form["image_alt"].value() == "Judges in the courtroom"
    item.refresh_from_db()
    assert item.title == "Mission trains judges"
    assert not item.image
    assert Version.objects.count() == revisions


def test_an_attachment_that_cannot_be_stored_leaves_nothing_half_saved(superuser_client):
    data = {
        "title": "Report published",
        "slug": "report-published",
        "kind": NewsItem.Kind.NEWS,
        "status": NewsItem.Status.DRAFT,
        "lede": "The annual report is out.",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-title": "Annual report",
        "attachments-0-file": SimpleUploadedFile("report.pdf", PDF),
        "attachments-0-language": "en",
        "attachments-0-order": "0",
        "_save": "Save",
    }

    with storage_failing_with(OSError(28, "No space left on device")):
        response = superuser_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "The file could not be stored: No space left on device." in form_error(response)
    assert response.context["adminform"].form["lede"].value() == "The annual report is out."
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[0]["title"].value() == "Annual report"
    # The item was saved before its attachment failed: rolled back with it.
    assert not NewsItem.objects.exists()
    assert not Attachment.objects.exists()
    assert not Version.objects.exists()


def test_saving_again_once_the_storage_is_back_stores_everything(superuser_client, item):
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    values = form_values(superuser_client.get(url), title="Mission trains 40 judges")
    with storage_failing_with(OSError(5, "Input/output error")):
        refused = superuser_client.post(url, {**values, "image": jpeg(), "image_alt": "Judges"})

    response = superuser_client.post(url, form_values(refused, image=jpeg(), image_alt="Judges"))

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Mission trains 40 judges"
    assert item.image
