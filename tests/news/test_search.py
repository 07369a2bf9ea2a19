"""Full-text search of /news/ (?q=): ranked on PostgreSQL, a plain fallback on SQLite."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from news.models import NewsItem
from news.signals import content_changed
from tests.factories import PublishedNewsFactory, StructureFactory

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranked search and stemming are PostgreSQL's"
)


def search(client, query, **extra):
    response = client.get(reverse("news:list"), {"q": query, **extra})
    assert response.status_code == 200
    return response


def found(client, query, **extra):
    return [item.title for item, _snippet in search(client, query, **extra).context["cards"]]


def test_search_finds_words_in_title_lede_and_body(client):
    PublishedNewsFactory(title="Cybersecurity conference opens", lede="", body="")
    PublishedNewsFactory(title="In the lede", lede="A word on cybersecurity.", body="")
    PublishedNewsFactory(title="In the body", lede="", body="<p>Cybersecurity matters.</p>")
    PublishedNewsFactory(title="Unrelated", lede="Water management.", body="<p>Rivers.</p>")

    assert set(found(client, "cybersecurity")) == {
        "Cybersecurity conference opens",
        "In the lede",
        "In the body",
    }


def test_every_word_of_a_search_must_match(client):
    PublishedNewsFactory(title="Media freedom in Serbia", lede="", body="")
    PublishedNewsFactory(title="Media freedom in Moldova", lede="", body="")

    assert found(client, "media serbia") == ["Media freedom in Serbia"]


def test_search_ranks_a_title_match_above_a_body_match(client):
    # The body match is the newest: only relevance can put the title match first.
    PublishedNewsFactory(
        title="Cybersecurity conference opens", lede="", body="<p>Delegates met.</p>",
        date_issued=datetime.date(2020, 1, 1),
    )
    PublishedNewsFactory(
        title="Delegates met", lede="", body="<p>They spoke of cybersecurity.</p>",
        date_issued=datetime.date(2024, 1, 1),
    )

    assert found(client, "cybersecurity") == ["Cybersecurity conference opens", "Delegates met"]
    assert found(client, "cybersecurity", sort="newest") == [
        "Delegates met",
        "Cybersecurity conference opens",
    ]


@postgresql_only
def test_search_ranks_title_above_lede_above_body(client):
    PublishedNewsFactory(
        title="In the body", lede="", body="<p>Cybersecurity.</p>",
        date_issued=datetime.date(2024, 1, 1),
    )
    PublishedNewsFactory(
        title="In the lede", lede="Cybersecurity.", body="", date_issued=datetime.date(2023, 1, 1)
    )
    PublishedNewsFactory(
        title="Cybersecurity in the title", lede="", body="", date_issued=datetime.date(2022, 1, 1)
    )

    assert found(client, "cybersecurity") == [
        "Cybersecurity in the title",
        "In the lede",
        "In the body",
    ]


@postgresql_only
def test_search_uses_stemming(client):
    PublishedNewsFactory(title="Election observers deployed", lede="", body="")

    assert found(client, "elections") == ["Election observers deployed"]


@postgresql_only
def test_search_understands_phrases_and_exclusions(client):
    PublishedNewsFactory(title="Media freedom in Serbia", lede="", body="")
    PublishedNewsFactory(title="Freedom of the media in Moldova", lede="", body="")

    assert set(found(client, '"media freedom"')) == {"Media freedom in Serbia"}
    assert found(client, "media -serbia") == ["Freedom of the media in Moldova"]


@postgresql_only
def test_html_tags_of_the_body_are_not_searchable(client):
    PublishedNewsFactory(title="Plain", lede="", body="<p><strong>Bold</strong> words.</p>")

    assert found(client, "strong") == []
    assert found(client, "bold") == ["Plain"]


@postgresql_only
def test_items_inserted_in_bulk_or_updated_in_place_are_searchable(client):
    structure = StructureFactory()
    NewsItem.objects.bulk_create(
        [
            NewsItem(
                title="Bulk loaded ombudsperson item", slug="bulk-loaded", status="published",
                date_issued=datetime.date(2024, 1, 1), lead_structure=structure,
                published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            )
        ]
    )
    assert found(client, "ombudsperson") == ["Bulk loaded ombudsperson item"]

    NewsItem.objects.filter(slug="bulk-loaded").update(title="Renamed item about wetlands")
    # update() sends no model signal: code that writes so announces it (news/signals.py).
    content_changed.send(sender=NewsItem)
    assert found(client, "ombudsperson") == []
    assert found(client, "wetlands") == ["Renamed item about wetlands"]


def test_results_show_a_snippet_with_the_matches_marked(client):
    PublishedNewsFactory(
        title="Observers", lede="The observation mission praised the electoral commission.",
        body="",
    )

    content = search(client, "electoral").content.decode()

    assert "praised the <mark>electoral</mark> commission" in content
    assert content.count("<mark>") == 1


def test_snippets_escape_the_items_text(client):
    PublishedNewsFactory(
        title="Escaping", lede='<img src=x onerror="alert(1)"> about ombudsmen & more', body=""
    )

    content = search(client, "ombudsmen").content.decode()

    assert "<img src=x" not in content
    assert "<mark>ombudsmen</mark> &amp; more" in content


def test_a_search_without_words_finds_nothing_and_says_so(client):
    PublishedNewsFactory(title="Anything")

    response = search(client, "!!! ???")

    assert response.context["paginator"].count == 0
    assert "No published news matches" in response.content.decode()


def test_relevance_is_offered_and_chosen_by_default_only_with_a_search(client):
    PublishedNewsFactory(title="Something")

    with_search = search(client, "something")
    without = client.get(reverse("news:list"))

    assert with_search.context["sort"] == "relevance"
    # The default order's option sends nothing: a new search is ordered by relevance.
    assert '<option value="" selected>Most relevant first</option>' in with_search.content.decode()
    assert without.context["sort"] == "newest"
    assert 'value="relevance"' not in without.content.decode()
