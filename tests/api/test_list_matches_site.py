"""The API's news list gives exactly the site list's items, in its order, and its counts, for
the same parameters: both read the same filters, index and counts."""

import pytest
from django.urls import reverse

from newsroom.facets import PARAMS

pytestmark = pytest.mark.django_db

CASES = [
    "",
    "field=security",
    "field=field-0&field=youth",
    "country=country-0",
    "group=asian-partner",
    "group=asian-partner&group=mediterranean-partner",
    "country=country-0&group=participating",
    "structure=secretariat",
    "structure=unit-1&kind=news",
    "kind=news&kind=statement",
    "meeting=meeting-1",
    "tag=tag-0",
    "tag=tag-0&tag=tag-2",
    "year=2023",
    "from=2023-01-01&to=2024-06-30",
    "from=2025-01-01",
    "q=elections",
    "q=elections&sort=newest",
    "q=water&field=security&sort=oldest",
    "q=water%20OR%20elections&sort=relevance",
    "q=%22no+such+words%22",
    "sort=oldest",
    "sort=relevance",
    "field=security&country=country-1&tag=tag-1&year=2022",
    "structure=mission&country=country-5&meeting=meeting-0",
]


def site_list(client, monkeypatch, query):
    """The ids, number of results and facet counts the site's /news/ shows."""
    monkeypatch.setattr("newsroom.lists.LIST_PAGE_SIZE", 100)
    response = client.get(f"{reverse('news:list')}?{query}", follow=True)  # canonical address
    assert response.status_code == 200, query
    context = response.context
    ids = [item.pk for item, _snippet in context["cards"]]
    counts = {
        (choice.param, choice.value): choice.count
        for shown in context["facets"].values()
        for choice in shown.choices
    }
    return ids, context["paginator"].count, counts


def api_list(client, query):
    facets = ",".join(PARAMS)
    response = client.get(f"/api/v1/news/?{query}&page_size=100&facets={facets}")
    assert response.status_code == 200, (query, response.content)
    data = response.json()
    ids = [item["id"] for item in data["results"]]
    counts = {
        (name, choice["value"]): choice["count"]
        for name, choices in data["facets"].items()
        for choice in choices
    }
    return ids, data["count"], counts


@pytest.mark.parametrize("query", CASES)
def test_api_list_has_the_site_lists_items_and_counts(client, monkeypatch, world, query):
    site_ids, site_total, site_counts = site_list(client, monkeypatch, query)
    api_ids, api_total, api_counts = api_list(client, query)

    assert api_ids == site_ids
    assert api_total == site_total == len(site_ids)
    assert api_counts == site_counts
    assert site_counts, "every facet's choices are compared"


def test_the_table_selects_different_results(client, monkeypatch, world):
    """The cases are not all the same list (which would make the comparison weak)."""
    results = {tuple(api_list(client, query)[0]) for query in CASES}

    assert len(results) >= len(CASES) // 2
    assert () in results  # and one gives nothing


def test_selected_choices_are_marked(client, world):
    response = client.get("/api/v1/news/?field=youth&kind=news&facets=field,kind")

    facets = response.json()["facets"]
    assert [c["value"] for c in facets["field"] if c["selected"]] == ["youth"]
    assert [c["value"] for c in facets["kind"] if c["selected"]] == ["news"]
    assert set(facets) == {"field", "kind"}


def test_without_facets_no_counts_are_given(client, world):
    assert client.get("/api/v1/news/").json()["facets"] == {}
