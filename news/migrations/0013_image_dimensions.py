"""The lead image's width and height, stored with the item (pages size its renditions from
them without opening the file); existing images are read once, each distinct file once."""

from django.db import migrations, models


def read_dimensions(apps, schema_editor):
    from django.core.files.images import get_image_dimensions
    from django.core.files.storage import default_storage

    NewsItem = apps.get_model("news", "NewsItem")
    found = {}  # {name: (width, height) or None}: each distinct file is read once

    def dimensions(name):
        if name not in found:
            found[name] = None
            try:
                with default_storage.open(name) as file:
                    width, height = get_image_dimensions(file)
            except (OSError, ValueError):  # a missing or unreadable file: read when shown
                return None
            if width and height:
                found[name] = (width, height)
        return found[name]

    rows = (
        NewsItem.objects.exclude(image="")
        .filter(image_width__isnull=True)
        .order_by("pk")
        .values_list("pk", "image")
    )
    batch = []
    for pk, name in rows.iterator(chunk_size=BATCH):
        size = dimensions(name)
        if size:
            batch.append(NewsItem(pk=pk, image_width=size[0], image_height=size[1]))
        if len(batch) >= BATCH:
            NewsItem.objects.bulk_update(batch, ["image_width", "image_height"])
            batch = []
    if batch:
        NewsItem.objects.bulk_update(batch, ["image_width", "image_height"])


BATCH = 2000


class Migration(migrations.Migration):
    dependencies = [("news", "0012_featured_on_home")]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="image_height",
            field=models.PositiveIntegerField(
                editable=False, null=True, verbose_name="image height"
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="image_width",
            field=models.PositiveIntegerField(
                editable=False, null=True, verbose_name="image width"
            ),
        ),
        migrations.RunPython(read_dimensions, migrations.RunPython.noop),
    ]
