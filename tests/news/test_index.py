"""The index of the public news (newsroom/index.py) agrees with the database: in the order of
the list after items change, with a change log row that commits late, and in its counts."""

import datetime
import itertools

import pytest
from django.urls import reverse

from news.models import NewsItem
from newsroom import index as news_index
from newsroom.models import Change
from newsroom.results import Reading, Results
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    PublishedNewsFactory,
    StructureFactory,
)

pytestmark = pytest.mark.django_db


def day(n):
    return datetime.date(2024, 1, 1) + datetime.timedelta(days=n)


def listed(query="", page_size=4):
    """Every page of /news/`query` read through Results, as the list reads them."""
    filterset = Reading().filterset(_params(query))
    assert filterset.is_valid()
    results = Results(filterset)
    return [
        item.pk
        for start in range(0, results.total, page_size)
        for item in results.page(start, start + page_size)
    ]


def _params(query):
    from django.http import QueryDict

    return QueryDict(query)


def expected(order):
    return list(NewsItem.objects.published().order_by(*order).values_list("pk", flat=True))


def test_items_changed_after_the_index_was_built_are_merged_into_their_place():
    items = [PublishedNewsFactory(date_issued=day(n * 3)) for n in range(10)]
    news_index.current()  # built: the items are numbered in list order

    items[2].date_issued = day(100)  # moves to the newest
    items[2].save()
    items[7].date_issued = day(1)  # moves near the oldest
    items[7].save()
    PublishedNewsFactory(date_issued=day(13))  # a new item in the middle
    PublishedNewsFactory(date_issued=day(13))  # and another on the same day

    assert len(news_index.current().extra_ids) == 4
    assert listed() == expected(["-date_issued", "-id"])
    assert listed("sort=oldest") == expected(["date_issued", "id"])
    assert listed("sort=oldest", page_size=3) == expected(["date_issued", "id"])


def test_an_item_withdrawn_or_returned_to_draft_leaves_the_index():
    kept, withdrawn, returned = PublishedNewsFactory.create_batch(3)
    news_index.current()

    withdrawn.status = NewsItem.Status.WITHDRAWN
    withdrawn.save()
    returned.status = NewsItem.Status.DRAFT
    returned.save()

    assert listed() == [kept.pk]


def test_a_change_log_row_that_commits_after_a_later_one_is_still_applied():
    first, second = PublishedNewsFactory.create_batch(2)
    index = news_index.current()
    last = Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    # A change with a later id commits first and is applied...
    NewsItem.objects.filter(pk=first.pk).update(status=NewsItem.Status.DRAFT)
    Change.objects.create(pk=last + 10, item=first.pk)
    index.catch_up()
    assert listed() == [second.pk]

    # ...then one whose id was taken earlier commits: it is not skipped.
    NewsItem.objects.filter(pk=second.pk).update(status=NewsItem.Status.DRAFT)
    Change.objects.create(pk=last + 5, item=second.pk)
    index.catch_up()
    assert listed() == []


def test_counts_agree_with_plain_database_counts_for_combinations_of_filters():
    fields = FieldOfWorkFactory.create_batch(3)
    countries = CountryFactory.create_batch(3)
    root = StructureFactory(slug="root")
    structures = [StructureFactory(parent=root) for _ in range(2)]
    for n, (field, country, structure) in enumerate(
        itertools.product(fields, countries, [root, *structures])
    ):
        PublishedNewsFactory(
            date_issued=day(n * 20),
            fields_of_work=[field],
            countries=[country, countries[(n + 1) % 3]],
            lead_structure=structure,
            kind=["news", "statement"][n % 2],
        )
    news_index.current()

    published = NewsItem.objects.published()
    for query, narrowed in [
        ("", published),
        (f"field={fields[0].slug}", published.about([fields[0]])),
        (
            f"field={fields[0].slug}&field={fields[1].slug}&country={countries[2].slug}",
            published.about(fields[:2]).filter(countries=countries[2]),
        ),
        ("structure=root&kind=statement", published.issued_by([root]).filter(kind="statement")),
        ("year=2025", published.filter(date_issued__year=2025)),
        ("from=2024-03-01&to=2024-12-31", published.filter(date_issued__range=(day(60), day(365)))),
    ]:
        filterset = Reading().filterset(_params(query))
        assert filterset.is_valid(), query
        counts = Results(filterset).counted
        assert counts["total"] == narrowed.distinct().count(), query
        others = filterset.without("country")
        for country in countries:
            assert counts["country"].get(country.pk, 0) == (
                others.filter(countries=country).distinct().count()
            ), (query, country.slug)


def test_the_list_shows_what_the_index_counts(client):
    PublishedNewsFactory.create_batch(3)
    news_index.current()
    PublishedNewsFactory()

    response = client.get(reverse("news:list"))

    assert response.status_code == 200
    assert len(response.context["cards"]) == 4


def test_while_a_server_reads_the_index_beside_the_requests_lists_answer_503(client, monkeypatch):
    """A worker that started without the index (the database was away when the server
    started) reads it beside the requests: meanwhile a list is a 503 with Retry-After."""
    PublishedNewsFactory()
    started = []
    monkeypatch.setattr(news_index, "_build_beside", True)
    monkeypatch.setattr(news_index, "_start_building", lambda: started.append(True))

    response = client.get(reverse("news:list"))

    assert response.status_code == 503
    assert response["Retry-After"]
    assert started
