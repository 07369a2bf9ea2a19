import pytest

from tests.factories import PublishedNewsFactory


@pytest.mark.django_db
def test_published_item_is_listed_by_published():
    from news.models import NewsItem

    item = PublishedNewsFactory()
    assert list(NewsItem.objects.published()) == [item]
