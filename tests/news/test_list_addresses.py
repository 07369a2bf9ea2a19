"""Clean addresses of /news/: every link the list makes is canonical (no empty parameter,
each value once, the parameters in the order of the table of facets); any other address of
the same view is redirected to it; rel=canonical on every list, noindex beyond one filter."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse

from newsroom import facets
from tests.news.test_list_filters import build_newsroom

pytestmark = pytest.mark.django_db

LIST = reverse("news:list")
SEVERAL = "?q=item&field=elections&field=gender-equality&country=serbia&structure=odihr&year=2024"


@pytest.fixture
def newsroom():
    return build_newsroom()


def links(content):
    """Every href of the page that leads to the list or its feeds."""
    found = [unescape(href) for href in re.findall(r'href="([^"]*)"', content)]
    return [href for href in found if urlsplit(href).path.startswith("/en/news/") and "?" in href]


def canonical_query(href):
    return facets.query(QueryDict(urlsplit(href).query))


def test_no_link_of_a_list_with_several_filters_has_an_empty_or_unordered_parameter(
    client, newsroom, monkeypatch
):
    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 1)  # pagination links too
    response = client.get(LIST + "?field=elections&field=gender-equality&sort=oldest")
    assert response.status_code == 200
    content = response.content.decode()

    found = links(content)
    assert any("/en/news/rss/?" in href for href in found)
    assert any("page=2" in href for href in found)
    for href in found:
        query = urlsplit(href).query
        assert query, href  # no "/en/news/rss/?"
        assert all(value.strip() for _name, value in parse_qsl(query, keep_blank_values=True))
        assert "?" + query == canonical_query(href), href


def test_feed_and_alert_links_of_the_unfiltered_list_have_no_query(client, newsroom):
    content = client.get(LIST).content.decode()

    assert f'href="{reverse("news:rss")}"' in content
    assert f'href="{reverse("news:atom")}"' in content
    assert f'href="{reverse("alerts:signup")}"' in content
    assert "/en/news/rss/?" not in content


def test_removing_the_last_filter_links_the_list_itself(client, newsroom):
    response = client.get(LIST + "?field=elections")

    (active,) = response.context["active_filters"]
    assert active.remove_url == LIST


def test_the_forms_submission_without_script_is_redirected_to_the_canonical_address(
    client, newsroom
):
    response = client.get(LIST + "?q=&field=elections&year=&from=&to=&sort=newest")

    assert response.status_code == 301
    assert response["Location"] == LIST + "?field=elections"


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("?structure=odihr&field=elections", "?field=elections&structure=odihr"),
        ("?field=gender-equality&field=elections", "?field=elections&field=gender-equality"),
        ("?field=elections&field=elections", "?field=elections"),
        ("?year=2024&q=item", "?q=item&year=2024"),
        ("?q=item&sort=relevance", "?q=item"),
        ("?sort=newest", ""),
        ("?sort=relevance", ""),
        ("?page=1", ""),
        ("?page=2&field=elections", "?field=elections&page=2"),
        ("?country=", ""),
    ],
)
def test_another_address_of_the_same_view_is_redirected_to_the_canonical_one(
    client, newsroom, query, canonical
):
    response = client.get(LIST + query)

    assert response.status_code == 301
    assert response["Location"] == LIST + canonical


@pytest.mark.parametrize(
    "query",
    ["", "?field=elections", "?q=item&sort=newest", "?field=elections&year=2024&sort=oldest"],
)
def test_a_canonical_address_is_answered_at_once(client, newsroom, query):
    assert client.get(LIST + query).status_code == 200


def test_unknown_parameters_alone_are_not_redirected(client, newsroom):
    response = client.get(LIST + "?field=elections&utm_source=newsletter")

    assert response.status_code == 200
    assert "utm_source" not in response.content.decode()


def robots(content):
    return re.findall(r'<meta name="robots" content="([^"]+)">', content)


def canonical_link(content):
    return re.findall(r'<link rel="canonical" href="([^"]+)">', content)


@pytest.mark.parametrize(
    ("query", "indexed"),
    [
        ("", True),
        ("?field=elections", True),
        ("?year=2024", True),
        ("?q=item", False),
        ("?field=elections&field=gender-equality", False),
        ("?field=elections&country=serbia", False),
        ("?sort=oldest", False),
        ("?year=abc", False),
    ],
)
def test_the_list_and_single_filter_lists_are_indexed_searches_and_combinations_are_not(
    client, newsroom, query, indexed
):
    response = client.get(LIST + query)
    content = response.content.decode()

    assert robots(content) == ([] if indexed else ["noindex, follow"])
    assert canonical_link(content) == [f"http://testserver{LIST}{query.replace('&', '&amp;')}"]


def test_a_later_page_of_the_list_is_indexed_of_a_filtered_list_not(client, newsroom, monkeypatch):
    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 1)

    assert robots(client.get(LIST + "?page=2").content.decode()) == []
    filtered = client.get(LIST + "?field=elections&page=2").content.decode()
    assert robots(filtered) == ["noindex, follow"]
    assert canonical_link(filtered) == [f"http://testserver{LIST}?field=elections&amp;page=2"]


def test_the_default_orders_option_sends_no_sort_so_a_new_search_is_by_relevance(client, newsroom):
    content = client.get(LIST).content.decode()
    assert '<option value="" selected>Newest first</option>' in content
    assert '<option value="oldest">Oldest first</option>' in content

    # The form sent with a search typed in and the sort control unchanged:
    response = client.get(LIST + "?q=item&field=&sort=")
    assert response["Location"] == LIST + "?q=item"
    assert client.get(LIST + "?q=item").context["sort"] == "relevance"
