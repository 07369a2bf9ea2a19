"""Facet counts of /news/: each number shown is the number of results the view of that choice
alone gives (its facet's other choices left out, every other filter kept)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from newsroom import facets
from newsroom.facets import TAG_LIMIT
from tests.factories import PublishedNewsFactory, TagFactory
from tests.news.test_list_filters import build_newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    return build_newsroom()


LIST = reverse("news:list")

STATES = [
    "",
    "?field=elections",
    "?structure=secretariat&year=2024",
    "?country=serbia&kind=news",
    "?group=participating&tag=journalists",
    "?q=Item",
    "?field=gender-equality&field=media-freedom&structure=field-operations",
    "?meeting=ministerial-council&from=2023-01-01&to=2024-06-30",
]


class FacetCounts(HTMLParser):
    """The facet counts of a page: [(checkbox attributes, number)], [checkboxes with 0]."""

    def __init__(self):
        super().__init__()
        self.counts, self.zero_choices, self._in_count, self._checkbox = [], [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "checkbox":
            self._checkbox = attrs
        if tag == "span" and attrs.get("class") == "facet-count":
            self._in_count = True

    def handle_data(self, data):
        if self._in_count:
            number = int(data.replace(",", ""))
            self.counts.append((self._checkbox, number))
            if number == 0:
                self.zero_choices.append(self._checkbox)
            self._in_count = False


def shown(client, query):
    response = client.get(LIST + query)
    assert response.status_code == 200
    parser = FacetCounts()
    parser.feed(response.content.decode())
    return response, parser


def result_count(client, url):
    response = client.get(url if url.startswith("/") else LIST + url)
    assert response.status_code == 200, url
    return response.context["paginator"].count


@pytest.mark.parametrize("query", STATES)
def test_every_count_shown_is_the_number_of_results_of_that_choice_alone(client, newsroom, query):
    response, page = shown(client, query)
    choices = {c.html_id: c for f in response.context["facets"].values() for c in f.choices}

    assert page.counts, "the page shows counts"
    for checkbox, number in page.counts:
        choice = choices[checkbox["id"]]
        assert choice.count == number
        url = facets.alone(response.wsgi_request.GET, choice.param, choice.value)
        assert result_count(client, url) == number, url


@pytest.mark.parametrize("query", STATES[:4])
def test_every_choice_with_zero_or_more_matches_the_view_of_that_choice(client, newsroom, query):
    response, _page = shown(client, query)

    for facet in response.context["facets"].values():
        for choice in facet.choices:
            url = facets.alone(response.wsgi_request.GET, choice.param, choice.value)
            assert result_count(client, url) == choice.count, (facet.name, choice.value)


def counts(response, facet):
    return {c.value: c.count for c in response.context["facets"][facet].choices}


def test_a_structure_counts_its_units_and_each_item_once(client, newsroom):
    response = client.get(LIST)
    structures = counts(response, "structure")

    # A (lead CPC, supporting TNTD: both units), B (supporting CPC), D (lead Secretariat).
    assert structures["secretariat"] == 3
    assert structures["cpc"] == 2
    assert structures["field-operations"] == 2
    assert structures["mission-to-serbia"] == 1


def test_a_field_counts_its_sub_topics_and_each_item_once(client, newsroom):
    fields = counts(client.get(LIST), "field")

    # A is in the field and in its sub-topic; it counts once.
    assert fields["media-freedom"] == 2
    assert fields["safety-of-journalists"] == 1
    assert fields["elections"] == 3


def test_country_groups_count_items_about_any_member(client, newsroom):
    response = client.get(LIST)
    countries = counts(response, "country")

    # B is about Serbia and Japan: once in each group, once per country.
    assert countries["participating"] == 3
    assert countries["asian-partner"] == 1
    assert countries["mediterranean-partner"] == 1
    assert countries["serbia"] == 2


def test_a_facets_counts_ignore_its_own_choices_and_follow_the_others(client, newsroom):
    response = client.get(LIST + "?field=elections")

    assert counts(response, "field")["gender-equality"] == 2  # D and E, not narrowed
    assert counts(response, "structure")["odihr"] == 2  # C and E
    assert counts(response, "structure")["secretariat"] == 1  # B only
    assert counts(response, "kind") == {
        "news": 1,
        "press-release": 0,
        "statement": 1,
        "feature-story": 0,
        "spot-report": 0,
        "speech": 1,
    }
    assert counts(response, "year") == {"2024": 2, "2023": 1, "2022": 0}


def test_a_choice_that_would_give_nothing_shows_zero_and_cannot_be_ticked(client, newsroom):
    response, page = shown(client, "?country=serbia")
    content = response.content.decode()

    assert counts(response, "field")["gender-equality"] == 0
    zero_ids = [attrs["id"] for attrs in page.zero_choices]
    assert "facet-field-gender-equality" in zero_ids
    assert all("disabled" in attrs for attrs in page.zero_choices)
    assert '<label for="facet-field-gender-equality">Gender equality</label>' in content


def test_a_chosen_choice_with_zero_stays_ticked_so_that_it_can_be_removed(client, newsroom):
    response, page = shown(client, "?field=elections&country=egypt")

    assert counts(response, "field")["elections"] == 0
    elections = next(a for a in page.zero_choices if a["id"] == "facet-field-elections")
    assert "checked" in elections
    assert "disabled" not in elections


def test_the_tag_facet_shows_the_most_used_tags_and_every_chosen_one(client):
    tags = [TagFactory(name=f"tag {n:02d}", slug=f"tag-{n:02d}") for n in range(TAG_LIMIT + 2)]
    for n in range(len(tags)):  # tag-00 is on every item, the last tag on one
        PublishedNewsFactory(tags=tags[: n + 1])
    rare = tags[-1].slug

    response = client.get(LIST)
    shown_tags = counts(response, "tag")
    assert len(shown_tags) == TAG_LIMIT
    assert rare not in shown_tags
    assert f"The {TAG_LIMIT} most used tags in these results." in response.content.decode()

    chosen = counts(client.get(LIST + f"?tag={rare}"), "tag")
    assert chosen[rare] == 1
    assert result_count(client, f"?tag={rare}") == 1
