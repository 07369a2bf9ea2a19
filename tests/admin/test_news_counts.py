"""A taxonomy manager sees how many news items use each entry, drafts included."""

import pytest
from django.urls import reverse

from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
    StructureFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

# (factory, relation on the news factory, admin changelist)
TERMS = [
    (FieldOfWorkFactory, "fields_of_work", "admin:taxonomy_fieldofwork_changelist"),
    (CountryFactory, "countries", "admin:taxonomy_country_changelist"),
    (MeetingSeriesFactory, "meeting_series", "admin:taxonomy_meetingseries_changelist"),
    (TagFactory, "tags", "admin:news_tag_changelist"),
]
TERM_IDS = ["field_of_work", "country", "meeting_series", "tag"]


def counts(response, column):
    return {row.pk: getattr(row, column) for row in response.context["cl"].result_list}


def column_index(response, name):
    """The changelist's ?o= number of a list_display column."""
    return response.context["cl"].list_display.index(name)


@pytest.mark.parametrize(("factory", "relation", "url_name"), TERMS, ids=TERM_IDS)
def test_each_term_shows_its_news_count_drafts_included(
    superuser_client, factory, relation, url_name
):
    busy, quiet, unused = factory(), factory(), factory()
    NewsItemFactory(**{relation: [busy]})  # a draft
    PublishedNewsFactory(**{relation: [busy, quiet]})

    response = superuser_client.get(reverse(url_name))

    shown = counts(response, "news_count")
    assert (shown[busy.pk], shown[quiet.pk], shown[unused.pk]) == (2, 1, 0)
    assert "News (all statuses)" in response.content.decode()


@pytest.mark.parametrize(("factory", "relation", "url_name"), TERMS, ids=TERM_IDS)
def test_the_news_count_column_sorts_and_filters(superuser_client, factory, relation, url_name):
    busy, quiet, unused = factory(), factory(), factory()
    NewsItemFactory(**{relation: [busy]})
    PublishedNewsFactory(**{relation: [busy, quiet]})
    url = reverse(url_name)
    order = column_index(superuser_client.get(url), "news_count")

    by_count = superuser_client.get(url, {"o": f"-{order}"})
    used = superuser_client.get(url, {"used": "yes"})
    not_used = superuser_client.get(url, {"used": "no"})

    assert [row.pk for row in by_count.context["cl"].result_list][:2] == [busy.pk, quiet.pk]
    assert {row.pk for row in used.context["cl"].result_list} == {busy.pk, quiet.pk}
    assert unused.pk in {row.pk for row in not_used.context["cl"].result_list}
    assert not {busy.pk, quiet.pk} & {row.pk for row in not_used.context["cl"].result_list}


def test_structures_count_news_issued_and_co_issued_separately(superuser_client):
    secretariat, mission = StructureFactory(), StructureFactory()
    NewsItemFactory(lead_structure=secretariat, supporting_structures=[mission])
    NewsItemFactory(lead_structure=secretariat, supporting_structures=[mission, secretariat])
    PublishedNewsFactory(lead_structure=mission)

    response = superuser_client.get(reverse("admin:structures_structure_changelist"))

    lead = counts(response, "lead_news_count")
    supporting = counts(response, "supporting_news_count")
    assert (lead[secretariat.pk], supporting[secretariat.pk]) == (2, 1)
    assert (lead[mission.pk], supporting[mission.pk]) == (1, 2)


@pytest.mark.parametrize(
    "url_name",
    [url_name for _, _, url_name in TERMS] + ["admin:structures_structure_changelist"],
)
def test_counting_takes_no_query_per_row(superuser_client, url_name, django_assert_max_num_queries):
    NewsItemFactory(countries=[CountryFactory()], meeting_series=[MeetingSeriesFactory()])
    with django_assert_max_num_queries(50) as few:
        superuser_client.get(reverse(url_name))
    for _ in range(15):
        NewsItemFactory(
            countries=[CountryFactory()],
            meeting_series=[MeetingSeriesFactory()],
            supporting_structures=[StructureFactory()],
            tags=[TagFactory()],
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        superuser_client.get(reverse(url_name))
