"""The lead image's renditions (names and sizes per role), stored with the item where the
image is saved, so that a card names its srcset without easy-thumbnails' work. Existing items
have them named here (not made: pages named them the same way before), once per distinct image
and focal point, and written by groups of ids."""

from collections import defaultdict

from django.db import migrations, models


def name_renditions(apps, schema_editor):
    from news.images import stored_renditions

    NewsItem = apps.get_model("news", "NewsItem")
    named = {}  # (image, focal x, focal y, width, height) -> stored renditions
    rows = (
        NewsItem.objects.exclude(image="")
        .order_by("pk")
        .values_list("pk", "image", "image_focal_x", "image_focal_y", "image_width", "image_height")
    )
    groups = defaultdict(list)

    def write():
        for key, pks in groups.items():
            if named[key]:
                NewsItem.objects.filter(pk__in=pks).update(image_renditions=named[key])
        groups.clear()

    for count, (pk, *key) in enumerate(rows.iterator(chunk_size=BATCH), start=1):
        key = tuple(key)
        if key not in named:
            name, focal_x, focal_y, width, height = key
            named[key] = stored_renditions(
                NewsItem(
                    image=name,
                    image_focal_x=focal_x,
                    image_focal_y=focal_y,
                    image_width=width,
                    image_height=height,
                )
            )
        groups[key].append(pk)
        if count % BATCH == 0:
            write()
    write()


BATCH = 5000


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0013_image_dimensions"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="image_renditions",
            field=models.JSONField(default=dict, editable=False, verbose_name="image renditions"),
        ),
        migrations.RunPython(name_renditions, migrations.RunPython.noop),
    ]
