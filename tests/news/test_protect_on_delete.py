"""Deleting a term that news uses is refused; nothing is deleted in cascade."""

import pytest
from django.db.models import ProtectedError

from news.models import NewsItem, Tag
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "relation"),
    [
        (FieldOfWorkFactory, "fields_of_work"),
        (CountryFactory, "countries"),
        (MeetingSeriesFactory, "meeting_series"),
        (StructureFactory, "supporting_structures"),
    ],
)
def test_a_term_in_use_cannot_be_deleted_and_the_news_stays(factory, relation):
    term = factory()
    item = NewsItemFactory(**{relation: [term]})
    with pytest.raises(ProtectedError) as refused:
        term.delete()
    assert item.title in {str(obj) for obj in refused.value.protected_objects}
    assert NewsItem.objects.filter(pk=item.pk).exists()
    assert getattr(item, relation).filter(pk=term.pk).exists()


def test_a_tag_in_use_cannot_be_deleted():
    item = NewsItemFactory(tags=["elections"])
    tag = Tag.objects.get(name="elections")
    with pytest.raises(ProtectedError):
        tag.delete()
    assert list(item.tags.names()) == ["elections"]


def test_an_unused_term_can_be_deleted():
    term = FieldOfWorkFactory()
    term.delete()
    assert term.pk is None


def test_deleting_a_news_item_keeps_its_terms():
    field = FieldOfWorkFactory()
    item = NewsItemFactory(fields_of_work=[field])
    item.delete()
    field.refresh_from_db()
