"""The lead image's width and height, stored with the item (pages size its renditions from
them without opening the file); existing images are read once, each distinct file once."""

from django.db import migrations, models


def read_dimensions(apps, schema_editor):
    from django.core.files.images import get_image_dimensions
    from django.core.files.storage import default_storage

    NewsItem = apps.get_model("news", "NewsItem")
    names = (
        NewsItem.objects.exclude(image="")
        .filter(image_width__isnull=True)
        .values_list("image", flat=True)
        .distinct()
    )
    for name in names.iterator():
        try:
            with default_storage.open(name) as file:
                width, height = get_image_dimensions(file)
        except (OSError, ValueError):  # a missing or unreadable file: read when shown
            continue
        if width and height:
            NewsItem.objects.filter(image=name).update(image_width=width, image_height=height)


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
