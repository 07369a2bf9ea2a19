"""/en/news/ narrowed to one dated meeting (?event=<series slug>~<meeting slug>): a second
choice of the meeting facet, counted exactly like the others, right at once after an editor
attaches or detaches news in the meeting's admin page."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from meetings.models import Meeting
from newsroom import facets
from newsroom.facets import EVENT_LIMIT
from newsroom.filters import NewsFilter, Trees
from tests.factories import (
    CountryFactory,
    FieldOfWorkFactory,
    MeetingSeriesFactory,
    NewsItemFactory,
    PublishedNewsFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("news:list")


def meeting(series, slug, year, **values):
    return Meeting.objects.create(
        series=series,
        title=values.pop("title", f"Meeting {slug}"),
        slug=slug,
        start_date=datetime.date(year, 12, 1),
        end_date=datetime.date(year, 12, 2),
        **values,
    )


@pytest.fixture
def world():
    """Two councils and a review conference, whose slug is the Vienna council's too."""
    w = SimpleNamespace()
    w.council = MeetingSeriesFactory(name="Ministerial Council", slug="ministerial-council")
    w.review = MeetingSeriesFactory(name="Security Review", slug="security-review")
    w.vienna = meeting(w.council, "vienna-2025", 2025, title="32nd Ministerial Council")
    w.valletta = meeting(w.council, "valletta-2024", 2024, title="31st Ministerial Council")
    w.review_vienna = meeting(w.review, "vienna-2025", 2025, title="Review Conference 2025")
    w.elections = FieldOfWorkFactory(name="Elections", slug="elections")
    w.gender = FieldOfWorkFactory(name="Gender equality", slug="gender-equality")
    w.serbia = CountryFactory(name="Serbia", slug="serbia", iso_code="RS")
    w.malta = CountryFactory(name="Malta", slug="malta", iso_code="MT")

    w.a = PublishedNewsFactory(title="Item A", fields_of_work=[w.elections], countries=[w.serbia])
    w.b = PublishedNewsFactory(title="Item B", fields_of_work=[w.gender], countries=[w.serbia])
    w.c = PublishedNewsFactory(title="Item C", fields_of_work=[w.elections], countries=[w.malta])
    w.d = PublishedNewsFactory(
        title="Item D", fields_of_work=[w.gender], meeting_series=[w.council]
    )
    w.draft = NewsItemFactory(title="Draft about Vienna", fields_of_work=[w.elections])
    w.vienna.news.add(w.a, w.b, w.draft)
    w.valletta.news.add(w.c)
    w.review_vienna.news.add(w.b)
    return w


def get(client, query):
    """The list's answer to `query` (following a redirect to its canonical address)."""
    return client.get(LIST + query.removeprefix(LIST), follow=True)


def results(client, query):
    response = get(client, query)
    assert response.status_code == 200, response.content.decode()[:500]
    return {item.title for item in response.context["page_obj"].object_list}


def counts(response, param):
    return {
        choice.value: choice.count
        for choice in response.context["facets"]["meeting"].choices
        if choice.param == param
    }


def test_a_meetings_key_joins_its_series_slug_and_its_own(world):
    assert world.vienna.key == "ministerial-council~vienna-2025"
    assert world.review_vienna.key == "security-review~vienna-2025"
    assert world.vienna.get_news_url() == "/en/news/?event=ministerial-council~vienna-2025"


def test_the_filter_lists_only_that_meetings_published_news(client, world):
    assert results(client, "?event=ministerial-council~vienna-2025") == {"Item A", "Item B"}
    # The same slug in another series is another meeting.
    assert results(client, "?event=security-review~vienna-2025") == {"Item B"}
    assert results(client, "?event=ministerial-council~valletta-2024") == {"Item C"}


def test_the_count_beside_each_meeting_is_the_number_of_results_it_gives(client, world):
    response = get(client, "")
    shown = counts(response, "event")

    assert shown == {
        "ministerial-council~vienna-2025": 2,  # the draft attached to it is not counted
        "ministerial-council~valletta-2024": 1,
        "security-review~vienna-2025": 1,
    }
    for key, number in shown.items():
        assert len(results(client, f"?event={key}")) == number


def test_drafts_attached_to_a_meeting_are_never_shown_or_counted(client, world):
    only_drafts = meeting(world.council, "helsinki-2026", 2026)
    only_drafts.news.add(NewsItemFactory(title="Draft of 2026"))

    response = get(client, "?event=ministerial-council~vienna-2025")
    assert "Draft about Vienna" not in response.content.decode()
    # A meeting with drafts only is not offered, and its key is not known to the filter.
    assert "ministerial-council~helsinki-2026" not in counts(get(client, ""), "event")
    refused = get(client, "?event=ministerial-council~helsinki-2026")
    assert refused.status_code == 400
    assert "Draft of 2026" not in refused.content.decode()


def test_meetings_are_offered_most_recent_first_after_the_series(client, world):
    choices = get(client, "").context["facets"]["meeting"].choices
    events = [choice.value for choice in choices if choice.param == "event"]
    params = [choice.param for choice in choices]

    assert params.index("event") > max(i for i, p in enumerate(params) if p == "meeting")
    assert events[-1] == "ministerial-council~valletta-2024"  # 2024, after the 2025 ones


def test_only_the_most_recent_meetings_are_offered_and_the_chosen_ones(client, world):
    item = PublishedNewsFactory(title="Many meetings")
    for year in range(1990, 1990 + EVENT_LIMIT):
        meeting(world.council, f"council-{year}", year).news.add(item)
    oldest = "ministerial-council~council-1990"

    facet = get(client, "").context["facets"]["meeting"]
    offered = [choice.value for choice in facet.choices if choice.param == "event"]
    assert len(offered) == EVENT_LIMIT
    assert oldest not in offered
    assert f"{EVENT_LIMIT} most recent meetings" in facet.note

    chosen = get(client, f"?event={oldest}").context["facets"]["meeting"]
    assert oldest in [choice.value for choice in chosen.choices if choice.selected]


@pytest.mark.parametrize(
    "value",
    [
        "no-such-meeting",
        "vienna-2025",  # a meeting's slug alone
        "ministerial-council",  # a series is ?meeting=
        "ministerial-council~",
        "~vienna-2025",
        "~",
        "ministerial-council~vienna-2025~x",
        "ministerial-council%7Enope",
        "ministerial-council~vienna-2025%00",
        "x" * 5000,
        "%C5%81%C3%B3d%C5%BA",
    ],
)
def test_an_unknown_meeting_is_a_400_that_says_so_and_lists_nothing(client, world, value):
    response = get(client, f"?event={value}")
    content = response.content.decode()

    assert response.status_code == 400
    assert "There is no meeting “" in content  # the message beside the facet
    assert 'id="facet-meeting-errors"' in content
    assert "Item A" not in content


def test_an_empty_value_selects_nothing(client, world):
    assert results(client, "?event=") == {"Item A", "Item B", "Item C", "Item D"}


def test_a_meeting_and_a_series_are_one_facet_either_matches(client, world):
    found = results(client, "?meeting=ministerial-council&event=security-review~vienna-2025")
    assert found == {"Item B", "Item D"}


@pytest.mark.parametrize(
    "query",
    [
        "?field=elections&event=ministerial-council~vienna-2025",
        "?country=serbia&event=ministerial-council~valletta-2024",
        "?field=gender-equality&country=serbia&meeting=ministerial-council"
        "&event=ministerial-council~vienna-2025",
    ],
)
def test_with_other_facets_every_count_shown_is_the_number_its_link_gives(client, world, query):
    response = get(client, query)
    assert response.status_code == 200
    for facet in response.context["facets"].values():
        for choice in facet.choices:
            url = facets.alone(response.wsgi_request.GET, choice.param, choice.value)
            assert len(results(client, url)) == choice.count, (facet.name, choice.value)


def test_counts_are_disjunctive_with_a_field_and_a_country(client, world):
    query = "?field=elections&country=serbia&event=ministerial-council~vienna-2025"
    response = get(client, query)

    assert results(client, query) == {"Item A"}
    # The meetings are counted over the field's and the country's items (A), not the event's.
    assert counts(response, "event")["ministerial-council~vienna-2025"] == 1
    assert counts(response, "event").get("ministerial-council~valletta-2024", 0) == 0
    # The fields over the meeting's and the country's items (A, B), not the chosen field's.
    fields = {c.value: c.count for c in response.context["facets"]["field"].choices}
    assert fields["elections"] == 1 and fields["gender-equality"] == 1
    countries = {c.value: c.count for c in response.context["facets"]["country"].choices}
    assert countries["serbia"] == 1 and countries["malta"] == 0


def test_the_database_filter_agrees_with_the_index(world):
    """Email alerts match new items through the FilterSet's queries, not the index."""
    from django.http import QueryDict

    from news.models import NewsItem

    for query in (
        "event=ministerial-council~vienna-2025",
        "event=ministerial-council~vienna-2025&field=elections",
        "meeting=ministerial-council&event=security-review~vienna-2025",
    ):
        filterset = NewsFilter(
            QueryDict(query), queryset=NewsItem.objects.published(), trees=Trees.load()
        )
        assert filterset.is_valid()
        found = {item.title for item in filterset.filter_queryset(NewsItem.objects.published())}
        expected = {
            "event=ministerial-council~vienna-2025": {"Item A", "Item B"},
            "event=ministerial-council~vienna-2025&field=elections": {"Item A"},
            "meeting=ministerial-council&event=security-review~vienna-2025": {"Item B", "Item D"},
        }[query]
        assert found == expected


def test_the_meeting_page_links_to_its_news_on_the_list(client, world):
    page = client.get(world.vienna.get_absolute_url()).content.decode()
    link = world.vienna.get_news_url()

    assert f'href="{link}"' in page
    assert results(client, link) == {"Item A", "Item B"}


def test_the_feed_of_a_meeting_lists_its_news(client, world):
    response = client.get(reverse("news:rss") + "?event=ministerial-council~vienna-2025")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Item A" in content and "Item B" in content
    assert "Item C" not in content and "Draft about Vienna" not in content
