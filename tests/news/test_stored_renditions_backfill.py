"""Items saved before renditions were stored with them get them named by the migration: the
same names and sizes the admin's save stores, once per distinct image and focal point."""

import importlib
import io

import pytest
from django.apps import apps
from PIL import Image

from news.images import make_renditions
from news.models import NewsItem
from tests.factories import PublishedNewsFactory

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("news.migrations.0014_stored_renditions").name_renditions


def with_image(**fields):
    item = PublishedNewsFactory(image_alt="Observers at a polling station", **fields)
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 30, 30)).save(output, "JPEG")
    item.image.save("photo.jpg", output, save=True)
    make_renditions(item)
    return NewsItem.objects.get(pk=item.pk)


def test_items_saved_before_get_the_renditions_a_save_would_store():
    centred, left = with_image(), with_image(image_focal_x=0, image_focal_y=50)
    plain = PublishedNewsFactory()
    expected = {item.pk: item.image_renditions for item in (centred, left)}
    NewsItem.objects.update(image_renditions={})

    backfill(apps, None)

    stored = dict(NewsItem.objects.values_list("pk", "image_renditions"))
    assert stored[centred.pk] == expected[centred.pk] and stored[centred.pk]["card"]
    assert stored[left.pk] == expected[left.pk] != expected[centred.pk]
    assert stored[plain.pk] == {}
