"""The number of queries of the API's news list is pinned, at the site list's own (the same
filters, index and cards read it): it does not grow with the page size or the number of
choices, and asking for every facet's counts costs what the site list costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.facets import PARAMS
from tests.news.test_list_queries import AGAIN, FIRST_VIEW, LIST_VARIANTS, SHOWN, World

pytestmark = pytest.mark.django_db

# The site list's variants but its page numbers (the API pages by cursor).
VARIANTS = {query: extra for query, extra in LIST_VARIANTS.items() if "page=" not in query}
ALL_FACETS = "facets=" + ",".join(PARAMS)
# Without facets the tag facet's names are not read.
WITHOUT_FACETS = 1


@pytest.fixture(autouse=True)
def _index_built(db):
    from newsroom import index as news_index

    news_index.current()


def api_path(query, *extra):
    joined = "&".join(part for part in (query.lstrip("?"), *extra) if part)
    return f"/api/v1/news/?{joined}"


def counted(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, (path, response.content)
    return len(context.captured_queries), len(response.json()["results"])


@pytest.mark.parametrize(("query", "extra"), VARIANTS.items())
def test_api_list_queries_are_pinned_and_do_not_grow_with_the_page_size(
    client, django_assert_max_num_queries, query, extra
):
    world = World(choices=3)
    world.add_items(12)
    with django_assert_max_num_queries(FIRST_VIEW + extra):
        small = counted(client, api_path(query, ALL_FACETS, "page_size=5"))
    with django_assert_max_num_queries(AGAIN + extra):
        client.get(api_path(query, ALL_FACETS, "page_size=5"))

    world.add_items(40)
    with django_assert_max_num_queries(FIRST_VIEW + extra):
        large = counted(client, api_path(query, ALL_FACETS, "page_size=40"))

    assert small[0] == large[0]
    assert small[1] < large[1], "the larger page shows more items"


# A few shapes measured side by side (the pins above are the site list's own numbers).
SIDE_BY_SIDE = ["", "?tag=tag-0", "?q=item", "?field=field-0&field=field-1&structure=structure-0"]


@pytest.mark.parametrize("query", SIDE_BY_SIDE)
def test_api_list_costs_the_queries_of_the_site_list(client, query):
    extra = VARIANTS[query]
    world = World(choices=3)
    world.add_items(25)
    site = reverse("news:list") + query
    counted_site = []
    for path in (site, site):  # first view, then again
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        counted_site.append(len(context.captured_queries))
    world.add_items(1)  # a change: the API's first view is a first view too

    first = counted(client, api_path(query, ALL_FACETS))[0]
    again = counted(client, api_path(query, ALL_FACETS))[0]
    plain = counted(client, api_path(query))[0]

    assert [first, again] == counted_site == [FIRST_VIEW + extra, AGAIN + extra]
    assert plain == again - WITHOUT_FACETS
    assert SHOWN > WITHOUT_FACETS


def test_the_cursor_costs_no_query(client):
    world = World(choices=3)
    world.add_items(30)
    first = client.get(api_path("", "page_size=5")).json()

    assert counted(client, first["next"])[0] == counted(client, api_path("", "page_size=5"))[0]
