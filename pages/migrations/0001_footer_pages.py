"""The footer's pages (contact, privacy notice, accessibility statement), created once on a
fresh database so that the footer's links lead somewhere; a page that exists is left as the
editors wrote it."""

from django.conf import settings
from django.db import migrations


def create_pages(apps, schema_editor):
    from pages.content import PAGES

    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    # The sites framework makes its site after all migrations; flatpages needs it now.
    site, _ = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "example.com", "name": settings.SITE_NAME}
    )
    for page in PAGES:
        flatpage, created = FlatPage.objects.get_or_create(
            url=page["url"], defaults={"title": page["title"], "content": page["content"]}
        )
        if created:
            flatpage.sites.add(site)


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_alter_domain_unique"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
