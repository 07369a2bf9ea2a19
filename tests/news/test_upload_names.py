"""Uploads are stored under generated names; the uploader's name is kept as data, shown escaped."""

import io
import re

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from PIL import Image

from news.models import Attachment, NewsItem
from news.uploads import original_name
from tests.factories import NewsItemFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
GENERATED_IMAGE = re.compile(r"news/images/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp)")
GENERATED_ATTACHMENT = re.compile(r"news/attachments/\d{4}/\d{2}/[0-9a-f]{32}\.pdf")
HOSTILE = "<img src=x onerror=alert(1)>.png"


def image_bytes(format):
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (220, 20, 20)).save(output, format)
    return output.getvalue()


@pytest.fixture
def admin_client(client):
    client.force_login(SuperuserFactory())
    return client


def post_with_files(client, url, fields, files):
    """POST multipart with each file under the exact name given, as a hostile client can send
    it (Django's test client would strip the folders before the server sees them)."""
    body = encode_multipart(BOUNDARY, fields).rsplit(f"--{BOUNDARY}--".encode(), 1)[0]
    for field, (name, data) in files.items():
        body += (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode() + data + b"\r\n"
    body += f"--{BOUNDARY}--\r\n".encode()
    return client.generic("POST", url, body, content_type=MULTIPART_CONTENT)


def add_item(client, files, attachments=0):
    fields = {
        "title": "Ministerial Council opens in Vienna",
        "slug": "ministerial-council-opens",
        "kind": NewsItem.Kind.NEWS,
        "status": NewsItem.Status.DRAFT,
        "lede": "",
        "body": "",
        "image_alt": "Delegates at the Ministerial Council",
        "attachments-TOTAL_FORMS": str(attachments),
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index in range(attachments):
        fields.update(
            {
                f"attachments-{index}-title": "Annual report",
                f"attachments-{index}-language": "en",
                f"attachments-{index}-order": str(index),
            }
        )
    response = post_with_files(client, reverse("admin:news_newsitem_add"), fields, files)
    assert response.status_code == 302, response.context and response.context["errors"]
    return NewsItem.objects.get()


@pytest.mark.parametrize(
    ("sent_as", "format", "kept_as"),
    [
        ("photo.php.jpg", "JPEG", "photo.php.jpg"),
        (".htaccess.png", "PNG", ".htaccess.png"),
        ("CON.png", "PNG", "CON.png"),
        ("shell.php.png", "JPEG", "shell.php.png"),  # A JPEG, whatever the name says.
        ("../../etc/cron.d/Überblick.png", "PNG", "Überblick.png"),
        (HOSTILE, "WEBP", HOSTILE),
    ],
)
def test_a_lead_image_is_stored_under_a_generated_name(admin_client, sent_as, format, kept_as):
    item = add_item(admin_client, {"image": (sent_as, image_bytes(format))})

    assert GENERATED_IMAGE.fullmatch(item.image.name), item.image.name
    with item.image.open("rb"):
        stored_format = Image.open(io.BytesIO(item.image.read())).format
    extension = item.image.name.rsplit(".", 1)[1]
    assert {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[stored_format] == extension
    assert stored_format == format
    assert item.image_original_name == kept_as


def test_renditions_are_named_after_the_generated_name(admin_client):
    item = add_item(admin_client, {"image": ("photo.php.jpg", image_bytes("JPEG"))})

    folder, stored = item.image.name.rsplit("/", 1)
    renditions = item.image.storage.listdir(f"renditions/{folder}")[1]
    assert len(renditions) == 5  # card 2, page 2, social 1
    assert all(name.startswith(stored) and "php" not in name for name in renditions)


def test_the_uploaded_name_is_shown_escaped_on_the_change_page(admin_client):
    item = add_item(admin_client, {"image": (HOSTILE, image_bytes("PNG"))})

    response = admin_client.get(reverse("admin:news_newsitem_change", args=[item.pk]))

    content = response.content.decode()
    assert "Uploaded as" in content
    assert "&lt;img src=x onerror=alert(1)&gt;.png" in content
    assert "<img src=x onerror" not in content


def test_an_attachment_is_stored_under_a_generated_pdf_name(admin_client):
    item = add_item(
        admin_client,
        {"attachments-0-file": ("../CON.htaccess.php.pdf", PDF)},
        attachments=1,
    )

    attachment = item.attachments.get()
    assert GENERATED_ATTACHMENT.fullmatch(attachment.file.name), attachment.file.name
    assert attachment.original_name == "CON.htaccess.php.pdf"
    with attachment.file.open("rb"):
        assert attachment.file.read() == PDF


def test_an_attachments_uploaded_name_is_shown_escaped_on_the_change_page(admin_client):
    item = add_item(admin_client, {"attachments-0-file": (HOSTILE + ".pdf", PDF)}, attachments=1)

    response = admin_client.get(reverse("admin:news_newsitem_change", args=[item.pk]))

    content = response.content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;.png.pdf" in content
    assert "<img src=x onerror" not in content


def test_a_file_stored_by_code_gets_a_generated_name_too():
    """Factories, imports and scripts skip the admin form: the name is generated all the same."""
    item = NewsItemFactory()
    item.image.save(".htaccess", io.BytesIO(image_bytes("PNG")), save=True)
    attachment = Attachment(news=item, title="Report")
    attachment.file.save("CON.php", io.BytesIO(PDF), save=True)

    assert re.fullmatch(r"news/images/\d{4}/\d{2}/[0-9a-f]{32}", item.image.name)
    assert GENERATED_ATTACHMENT.fullmatch(attachment.file.name)


def test_removing_the_image_forgets_its_uploaded_name():
    item = NewsItemFactory(image_original_name="photo.php.jpg")

    item.image = None
    item.full_clean()

    assert item.image_original_name == ""


def test_the_original_name_keeps_no_folders_or_control_characters():
    assert original_name("..\\..\\evil\u202egpj.exe\x00") == "evilgpj.exe"
    assert original_name("a/b/" + "x" * 300 + ".png") == "x" * 255
