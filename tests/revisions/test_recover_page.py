"""An editor recovers a deleted item: the recover page shows it as it was, without writing
anything, and saving that page brings it back with its relations and documents."""

import pytest
from django.urls import reverse
from reversion.models import Version

from news.models import NewsItem
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    TagFactory,
)
from tests.revisions.browser import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def deleted(editor_client, mission):
    """A draft saved in the admin with its terms and a document, then deleted: its version."""
    item = NewsItemFactory(
        title="Mission trains judges",
        lead_structure=mission,
        fields_of_work=[FieldOfWorkFactory(name="Rule of law")],
        countries=[CountryFactory(name="Serbia")],
        tags=[TagFactory(name="judges")],
    )
    AttachmentFactory(news=item, title="Training report")
    url = reverse("admin:news_newsitem_change", args=[item.pk])
    response = editor_client.post(url, form_values(editor_client.get(url)))
    assert response.status_code == 302
    version = Version.objects.get_for_object(item).first()
    item.delete()
    return version


def recover_url(version):
    return reverse("admin:news_newsitem_recover", args=[version.pk])


def test_the_recover_page_shows_the_deleted_item_as_it_was(editor_client, deleted):
    response = editor_client.get(recover_url(deleted))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["title"].value() == "Mission trains judges"
    assert [str(tag) for tag in form["tags"].value()] == ["judges"]
    assert len(form["fields_of_work"].value()) == 1
    assert "Training report" in response.text
    assert not NewsItem.objects.exists()


def test_saving_the_recover_page_brings_the_item_back_with_its_relations(editor_client, deleted):
    page = editor_client.get(recover_url(deleted))

    response = editor_client.post(recover_url(deleted), form_values(page))

    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(pk=deleted.object_id)
    assert item.title == "Mission trains judges"
    assert item.status == NewsItem.Status.DRAFT
    assert [str(field) for field in item.fields_of_work.all()] == ["Rule of law"]
    assert [str(country) for country in item.countries.all()] == ["Serbia"]
    assert [tag.name for tag in item.tags.all()] == ["judges"]
    assert [attachment.title for attachment in item.attachments.all()] == ["Training report"]
