"""Saving a draft or an item in review in the admin, with its tags, terms, documents and
lead image, changes nothing a visitor sees: the publication state, which keys everything
cached for the public pages, stays. Saving a published item replaces it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import NewsItem
from newsroom import freshness
from tests.factories import (
    AttachmentFactory,
    CountryFactory,
    FieldOfWorkFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    TagFactory,
)
from tests.workflow.admin_posts import ADD_URL, change_url, news_form

pytestmark = pytest.mark.django_db

Status = NewsItem.Status
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def jpeg():
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (20, 120, 220)).save(output, "JPEG")
    return SimpleUploadedFile("photo.jpg", output.getvalue(), content_type="image/jpeg")


def new_attachment(index=0, **values):
    """The inline's fields for one new document, as the form posts them."""
    return {
        f"attachments-{index}-title": "Annual report",
        f"attachments-{index}-file": SimpleUploadedFile("report.pdf", PDF),
        f"attachments-{index}-language": "en",
        f"attachments-{index}-order": "0",
        "attachments-TOTAL_FORMS": str(index + 1),
        **values,
    }


def everything_added(item, tag="judges"):
    """The form of `item` with a new title, a tag (by name), a field of work, a country, a
    document and a lead image added."""
    fields = [field.pk for field in item.fields_of_work.all()] if item.pk else []
    return news_form(
        item,
        title=f"{item.title}, revised",
        tags=tag,
        fields_of_work=[*fields, FieldOfWorkFactory(name="Rule of law").pk],
        countries=[CountryFactory(name="Serbia").pk],
        image=jpeg(),
        image_alt="Judges in the courtroom",
        **new_attachment(),
    )


def saved_in_admin(client, url, data):
    """Post `data` to the admin form at `url`: whether the publication state changed."""
    before = freshness.current().token
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return freshness.current().token != before


@pytest.fixture
def published():
    """Something public, whose pages are cached, and the tag the editors use."""
    TagFactory(name="judges")
    return PublishedNewsFactory(title="Public item")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_saving_a_hidden_item_with_terms_documents_and_image_leaves_public_caches(
    login, superuser, published, status
):
    item = NewsItemFactory(title="Mission trains judges", status=status, tags=[TagFactory()])
    client = login(superuser)

    state_changed = saved_in_admin(client, change_url(item), everything_added(item))

    assert not state_changed
    item.refresh_from_db()
    assert item.status == status
    assert item.title == "Mission trains judges, revised"
    assert [tag.name for tag in item.tags.all()] == ["judges"]
    assert "Rule of law" in [str(field) for field in item.fields_of_work.all()]
    assert [str(country) for country in item.countries.all()] == ["Serbia"]
    assert [attachment.title for attachment in item.attachments.all()] == ["Annual report"]
    assert item.image


def test_tagging_a_draft_with_a_new_tag_leaves_public_caches(login, superuser, published):
    item = NewsItemFactory(title="Mission trains judges")
    client = login(superuser)

    state_changed = saved_in_admin(client, change_url(item), news_form(item, tags="embargoed"))

    assert not state_changed
    assert [tag.name for tag in item.tags.all()] == ["embargoed"]


def test_adding_a_draft_with_terms_documents_and_image_leaves_public_caches(
    login, superuser, published, mission_serbia
):
    client = login(superuser)
    data = everything_added(NewsItem(title="Mission trains judges", slug="trains-judges"))

    state_changed = saved_in_admin(client, ADD_URL, {**data, "lead_structure": mission_serbia.pk})

    assert not state_changed
    item = NewsItem.objects.get(slug="trains-judges")
    assert item.status == Status.DRAFT
    assert item.attachments.count() == 1


def test_adding_a_document_to_a_draft_in_the_inline_leaves_public_caches(
    login, superuser, published
):
    item = NewsItemFactory(title="Mission trains judges")
    existing = AttachmentFactory(news=item, title="Programme")
    client = login(superuser)
    data = news_form(
        item,
        **{
            "attachments-INITIAL_FORMS": "1",
            "attachments-0-id": existing.pk,
            "attachments-0-news": item.pk,
            "attachments-0-title": existing.title,
            "attachments-0-language": existing.language,
            "attachments-0-order": "0",
        },
        **new_attachment(1),
    )

    state_changed = saved_in_admin(client, change_url(item), data)

    assert not state_changed
    assert sorted(a.title for a in item.attachments.all()) == ["Annual report", "Programme"]


def test_saving_a_published_item_replaces_the_publication_state(login, superuser, published):
    client = login(superuser)

    state_changed = saved_in_admin(client, change_url(published), everything_added(published))

    assert state_changed
    published.refresh_from_db()
    assert published.title == "Public item, revised"
    assert published.attachments.count() == 1


def test_publishing_a_draft_from_the_form_replaces_the_publication_state(
    login, superuser, published
):
    item = NewsItemFactory(title="Mission trains judges")
    client = login(superuser)

    state_changed = saved_in_admin(
        client, change_url(item), news_form(item, status=Status.PUBLISHED)
    )

    assert state_changed
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
