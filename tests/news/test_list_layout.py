"""/en/news/ as a visitor uses it on a phone and a desktop: the results before the filters, a
"Filter (n)" control, one control per facet row, long facets folded with the chosen and the
most used first, and numbers with their thousands separated."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from newsroom import facets
from tests.factories import CountryFactory, PublishedNewsFactory
from tests.news.test_list_filters import build_newsroom

pytestmark = pytest.mark.django_db

LIST = reverse("news:list")


@pytest.fixture
def newsroom():
    return build_newsroom()


def test_the_results_come_before_the_filters_which_a_filter_link_reaches(client, newsroom):
    content = client.get(LIST).content.decode()

    assert content.index('id="news-results"') < content.index('id="news-filters"')
    assert '<a class="filters-link" href="#news-filters" data-count="0">Filter</a>' in content


def test_the_filter_control_counts_the_active_choices_but_not_the_search(client, newsroom):
    content = client.get(
        LIST + "?q=item&field=elections&field=gender-equality&year=2024"
    ).content.decode()

    assert ">Filter (3)</a>" in content


def test_the_script_is_the_sites_own_and_deferred(client, newsroom):
    content = client.get(LIST).content.decode()

    assert '<script src="/static/js/filters.js" defer></script>' in content
    assert "<script>" not in content


def test_each_row_is_one_control_its_count_plain_text_describing_it(client, newsroom):
    content = client.get(LIST).content.decode()

    assert 'class="facet-count"' in content
    assert not re.search(r'<a [^>]*class="facet-count"', content)
    row = re.search(r'<input type="checkbox" name="field" value="elections"[^>]*>', content)[0]
    assert 'aria-describedby="facet-field-elections-count"' in row
    assert (
        '<label for="facet-field-elections">Elections</label>\n'
        '<span class="facet-count" id="facet-field-elections-count">3'
        '<span class="visually-hidden"> items</span></span>'
    ) in content


def test_a_short_facet_is_not_folded(client, newsroom):
    content = client.get(LIST).content.decode()

    assert "Show all" not in content


@pytest.fixture
def many_countries():
    """20 countries; country-n is about n items (country-0 about none)."""
    countries = [CountryFactory(name=f"Land {n:02d}", slug=f"land-{n:02d}") for n in range(20)]
    for n, country in enumerate(countries):
        for _ in range(n % 5):
            PublishedNewsFactory(countries=[country])
    return countries


def country_values(content):
    """The country checkboxes' values before "Show all", and after it."""
    facet = content[content.index('id="facet-country"') :]
    facet = facet[: facet.index('id="facet-structure"')]
    before, _sep, after = facet.partition('<details class="facet-more"')
    pattern = r'name="country" value="([^"]+)"'
    return re.findall(pattern, before), re.findall(pattern, after)


def test_a_long_facet_shows_the_chosen_then_the_most_used_and_the_rest_under_show_all(
    client, many_countries
):
    content = client.get(LIST + "?country=land-00").content.decode()

    first, rest = country_values(content)
    assert first[0] == "land-00"  # chosen, though about nothing
    assert len(first) == 1 + facets.MOST_USED
    counts = {f"land-{n:02d}": n % 5 for n in range(20)}
    assert [counts[value] for value in first[1:]] == sorted(
        (counts[value] for value in first[1:]), reverse=True
    )
    assert min(counts[value] for value in first[1:]) >= max(counts[value] for value in rest)
    assert sorted(first + rest) == sorted(counts)
    assert "<summary>Show all 20 countries</summary>" in content
    assert 'data-find="Find a country"' in content


def test_no_facet_list_scrolls_in_a_box_of_its_own():
    css = (settings.BASE_DIR / "static" / "css" / "list.css").read_text()

    rule = css[css.index(".facet-choices {") :]
    rule = rule[: rule.index("}")]
    assert "max-height" not in rule
    assert "overflow" not in rule


def test_numbers_have_their_thousands_separated(client, newsroom, monkeypatch):
    monkeypatch.setattr("newsroom.results.Results.total", 4500)

    content = client.get(LIST).content.decode()

    assert ">4,500 results<" in content
    assert ", page 1 of 225<" in content
    assert facets.grouped(1234567) == "1,234,567"
    assert facets.grouped(999) == "999"
