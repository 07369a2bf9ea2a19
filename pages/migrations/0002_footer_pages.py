"""The footer's pages (contact, privacy notice, accessibility statement), created once on a
fresh database so that the footer's links lead somewhere; a page that exists is left as the
editors wrote it."""

from django.db import migrations


def create_pages(apps, schema_editor):
    from pages.content import PAGES

    Page = apps.get_model("pages", "Page")
    for page in PAGES:
        Page.objects.get_or_create(
            slot=page["slot"],
            defaults={
                "title": page["title"],
                "description": page["description"],
                "content": page["content"],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
