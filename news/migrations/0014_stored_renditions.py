"""The lead image's renditions (names and sizes per role), stored with the item where the
image is saved, so that a card names its srcset without easy-thumbnails' work."""

from django.db import migrations, models


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
    ]
