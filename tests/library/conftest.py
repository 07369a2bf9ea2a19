"""Personas and images for the image library's tests. The roles come from the migrations."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from library.models import Image
from tests.factories import StructureFactory, SuperuserFactory
from tests.workflow.conftest import staff


def jpeg_bytes(size=(1200, 800), color=(220, 20, 20)):
    output = io.BytesIO()
    PillowImage.new("RGB", size, color).save(output, "JPEG", quality=90)
    return output.getvalue()


def upload(name="delegates.jpg", **options):
    return SimpleUploadedFile(name, jpeg_bytes(**options), content_type="image/jpeg")


def library_image(user=None, name="delegates.jpg", **fields):
    """A library image as an upload makes it (re-encoded, renditions made)."""
    fields.setdefault("title", "Delegates at the Ministerial Council")
    fields.setdefault("alt", "Delegates seated around the Council's table")
    return Image.from_upload(upload(name), user, **fields)


@pytest.fixture
def mission():
    return StructureFactory(name="Mission to Serbia")


@pytest.fixture
def publisher(mission):
    return staff("publisher", "Publisher", [mission])


@pytest.fixture
def other_publisher(mission):
    return staff("other_publisher", "Publisher", [mission])


@pytest.fixture
def editor():
    return staff("editor", "Editor")


@pytest.fixture
def outsider_staff():
    return staff("outsider_staff")


@pytest.fixture
def superuser():
    return SuperuserFactory()
