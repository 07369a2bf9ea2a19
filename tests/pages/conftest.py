import datetime

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.factories import NewsItemFactory


@pytest.fixture
def make_hidden():
    """Build one item in each state the public must never see, with the given taxonomy."""

    def make(**kwargs):
        now = timezone.now()
        return [
            NewsItemFactory(title="Hidden draft", status=NewsItem.Status.DRAFT, **kwargs),
            NewsItemFactory(title="Hidden in review", status=NewsItem.Status.REVIEW, **kwargs),
            NewsItemFactory(
                title="Hidden withdrawn",
                status=NewsItem.Status.WITHDRAWN,
                published_at=now - datetime.timedelta(days=3),
                withdrawn_at=now - datetime.timedelta(days=1),
                **kwargs,
            ),
            NewsItemFactory(
                title="Hidden scheduled",
                status=NewsItem.Status.PUBLISHED,
                published_at=now + datetime.timedelta(minutes=5),
                **kwargs,
            ),
        ]

    return make
