"""A draft may be incomplete; a published item has what visitors and feeds rely on."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from news.models import NewsItem
from tests.factories import NewsItemFactory, PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db


def test_a_draft_may_miss_date_structure_and_fields():
    item = NewsItemFactory(date_issued=None, lead_structure=None, fields_of_work=[])
    assert item.status == NewsItem.Status.DRAFT
    assert [str(m) for m in item.missing_for_publication()] == [
        "a date issued",
        "a lead issuing structure",
        "at least one field of work",
    ]


def test_a_complete_item_misses_nothing():
    assert NewsItemFactory().missing_for_publication() == []


def test_the_database_refuses_a_published_item_without_a_date_issued():
    item = NewsItemFactory(date_issued=None)
    item.status = NewsItem.Status.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_the_database_refuses_a_published_item_without_a_lead_structure():
    item = NewsItemFactory(lead_structure=None)
    item.status = NewsItem.Status.PUBLISHED
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_publishing_sets_the_publication_time_when_left_empty():
    item = NewsItemFactory()
    item.status = NewsItem.Status.PUBLISHED
    item.save()
    assert item.published_at is not None
    assert item.is_published()


def test_published_excludes_drafts_review_withdrawn_and_scheduled_items():
    visible = PublishedNewsFactory()
    NewsItemFactory(status=NewsItem.Status.DRAFT)
    NewsItemFactory(status=NewsItem.Status.REVIEW)
    NewsItemFactory(
        status=NewsItem.Status.WITHDRAWN, published_at=timezone.now() - datetime.timedelta(days=1)
    )
    PublishedNewsFactory(published_at=timezone.now() + datetime.timedelta(minutes=1))
    assert list(NewsItem.objects.published()) == [visible]


def test_slugs_are_unique():
    NewsItemFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsItemFactory(slug="same")


def test_a_structure_used_as_lead_issuer_cannot_be_deleted():
    from django.db.models import ProtectedError

    structure = StructureFactory()
    NewsItemFactory(lead_structure=structure)
    with pytest.raises(ProtectedError):
        structure.delete()


@pytest.mark.parametrize("slug", ["rss", "atom", "preview", "shared-preview"])
def test_slugs_of_the_sites_own_pages_are_refused(slug):
    from django.core.exceptions import ValidationError

    item = NewsItemFactory.build(slug=slug, lead_structure=None)
    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["lead_structure"])
    assert "slug" in refused.value.message_dict


def test_a_tag_link_encodes_its_slug():
    from news.models import Tag

    assert (
        Tag(name="Média", slug="média & co").get_absolute_url() == "/en/news/?tag=m%C3%A9dia+%26+co"
    )
