"""A translation is out of date when the text of the item it was translated from changed
after its own text last did: one rule (news/translations.py), for one item and in SQL."""

import datetime

import pytest
from django.utils import timezone

from news import translations
from news.models import NewsItem

pytestmark = pytest.mark.django_db


def out_of_date_by_query(item):
    return translations.with_out_of_date(NewsItem.objects.filter(pk=item.pk)).get().out_of_date


def out_of_date_by_item(item):
    return translations.item_is_out_of_date(NewsItem.objects.get(pk=item.pk))


def both(item):
    return out_of_date_by_item(item), out_of_date_by_query(item)


def later(item, minutes):
    """Move `item`'s text time by `minutes`, as if edited then."""
    NewsItem.objects.filter(pk=item.pk).update(
        text_changed_at=timezone.now() + datetime.timedelta(minutes=minutes)
    )


def test_a_new_translation_is_up_to_date(russian):
    assert both(russian) == (False, False)


def test_a_source_whose_text_changed_later_makes_it_out_of_date(russian):
    english = NewsItem.objects.get(pk=russian.translation_source_id)
    english.lede = "The Mission supported the reform of the courts, and more."
    english.save()

    assert both(russian) == (True, True)


def test_translating_the_change_makes_it_up_to_date_again(russian):
    later(russian.translation_source, 5)
    assert both(russian) == (True, True)

    russian = NewsItem.objects.get(pk=russian.pk)
    russian.lede = "Миссия поддержала реформу судов."
    russian.save()
    later(russian, 10)

    assert both(russian) == (False, False)


def test_a_change_of_the_sources_other_fields_leaves_it_up_to_date(russian):
    english = NewsItem.objects.get(pk=russian.translation_source_id)
    english.dateline = "BELGRADE, 6 March 2025"
    english.kind = NewsItem.Kind.STATEMENT
    english.save()

    assert both(russian) == (False, False)


def test_the_source_itself_is_never_out_of_date(russian):
    later(russian, 5)

    assert both(russian.translation_source) == (False, False)


def test_a_translation_whose_source_was_deleted_is_not_out_of_date(russian):
    NewsItem.objects.filter(pk=russian.translation_source_id).delete()

    assert both(russian) == (False, False)


@pytest.mark.parametrize(
    ("source", "own", "expected"),
    [
        (None, None, False),
        (datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC), None, False),
        (None, datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC), False),
        (
            datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
            datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
            False,
        ),
        (
            datetime.datetime(2025, 1, 2, 0, 0, 1, tzinfo=datetime.UTC),
            datetime.datetime(2025, 1, 2, tzinfo=datetime.UTC),
            True,
        ),
    ],
)
def test_the_rule_at_its_edges(source, own, expected):
    assert translations.is_out_of_date(source, own) is expected
