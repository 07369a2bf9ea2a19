# The home page's featured stories: a flag and an order, set by editors.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0011_planned_for"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="featured",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Shown at the top of the home page while it is published. The first "
                    "featured item is the main story."
                ),
                verbose_name="feature on the home page",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="featured_order",
            field=models.PositiveSmallIntegerField(
                blank=True,
                default=0,
                help_text=(
                    "Featured items are shown lowest number first, the newest first among equals."
                ),
                verbose_name="order on the home page",
            ),
        ),
        migrations.AddIndex(
            model_name="newsitem",
            index=models.Index(
                models.F("featured_order"),
                models.OrderBy(models.F("date_issued"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("featured", True)),
                name="news_featured_idx",
            ),
        ),
    ]
