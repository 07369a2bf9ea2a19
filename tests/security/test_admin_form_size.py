"""The admin's news form fits within Django's 1,000-field limit for a form post
(DATA_UPLOAD_MAX_NUMBER_FIELDS) even with every term of the taxonomy chosen."""

import pytest
from django.conf import settings

from news.models import NewsItem
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    StructureFactory,
)
from tests.workflow.admin_posts import change_url, news_form

pytestmark = pytest.mark.django_db


def test_saving_an_item_with_every_term_chosen_stays_under_the_field_limit(
    superuser_client,
):
    countries = CountryFactory.create_batch(70)
    fields = FieldOfWorkFactory.create_batch(40)
    meetings = MeetingSeriesFactory.create_batch(30)
    structures = StructureFactory.create_batch(60)
    item = NewsItemFactory(title="Ministerial Council")
    data = news_form(
        item,
        countries=[c.pk for c in countries],
        fields_of_work=[f.pk for f in fields],
        meeting_series=[m.pk for m in meetings],
        supporting_structures=[s.pk for s in structures],
        tags=", ".join(f"tag {n}" for n in range(50)),
    )
    posted_fields = sum(len(v) if isinstance(v, list) else 1 for v in data.values())
    assert posted_fields < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS / 2

    response = superuser_client.post(change_url(item), data)

    assert response.status_code == 302
    item = NewsItem.objects.get(pk=item.pk)
    assert item.countries.count() == 70
    assert item.supporting_structures.count() == 60
