"""The benchmark measures URLs chosen from the data: the busiest terms, real words, real items."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from benchmarks import queries

pytestmark = pytest.mark.django_db


def by_name(urls):
    return {url["name"]: url for url in urls}


def params(path):
    return parse_qs(urlsplit(path).query)


def test_list_variants_use_the_busiest_field_country_and_parent_structure(newsroom):
    urls = by_name(queries.select_urls())
    assert urls["list"]["path"] == "/en/news/"
    assert params(urls["field"]["path"]) == {"field": ["arms-control"]}
    assert params(urls["field+country"]["path"]) == {
        "field": ["arms-control"],
        "country": ["austria"],
    }
    assert params(urls["2 fields+structure"]["path"]) == {
        "field": ["arms-control", "youth"],
        "structure": ["mission"],
    }
    assert params(urls["page 250"]["path"]) == {"page": ["250"]}


def test_the_year_is_the_most_recent_full_one(newsroom):
    year = by_name(queries.select_urls())["year"]["path"]
    assert params(year) == {"year": [str(timezone.localdate().year - 1)]}


def test_search_uses_the_common_word_and_a_word_of_one_published_item(newsroom):
    urls = by_name(queries.select_urls())
    assert urls["search common"]["path"] == "/en/news/?q=security"
    assert urls["search common"]["note"] == "in 4 titles or ledes"
    assert urls["search rare"]["path"] == "/en/news/?q=zanzibar"
    assert urls["search rare"]["note"] == "in 1 titles or ledes"


def test_the_item_is_the_newest_published_and_the_feed_filters(newsroom):
    urls = by_name(queries.select_urls())
    assert urls["item"]["path"] == newsroom.get_absolute_url()
    assert urls["feed"]["path"] == "/en/news/rss/?field=arms-control&country=austria"
    assert urls["healthz"]["kind"] == "floor"


def test_an_empty_newsroom_still_gives_the_pages_that_need_no_data():
    urls = by_name(queries.select_urls())
    assert set(urls) == {"list", "page 250", "healthz"}


def test_query_counts_of_a_page_and_of_an_error(newsroom, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # the benchmark's host, as under gunicorn
    client = queries.Client(HTTP_HOST="127.0.0.1")
    health, statements = queries.count_queries(client, "/healthz/")
    assert health == {
        "status": 200,
        "queries_first": 0,
        "queries_repeat": 0,
        "error": None,
    }
    assert statements == []
    missing, _ = queries.count_queries(client, "/en/news/no-such-item/")
    assert missing["status"] == 404
    assert missing["error"] == "HTTP 404"


def test_the_list_query_is_the_select_of_titles_with_a_limit():
    statements = [
        'SELECT COUNT(*) AS "__count" FROM "news_newsitem" WHERE "news_newsitem"."status" = 1',
        'SELECT "news_newsitem"."id", "news_newsitem"."title" FROM "news_newsitem" '
        'WHERE "news_newsitem"."status" = 1 ORDER BY "news_newsitem"."date_issued" DESC '
        "LIMIT 20",
        'SELECT "news_newsitem"."title" FROM "news_newsitem" LIMIT 1',
    ]
    assert queries.find_list_query(statements) == 1
    assert queries.find_list_query(statements[:1]) is None


def test_the_sql_floor_times_the_list_query_and_all_selects(newsroom):
    statements = [
        'SELECT COUNT(*) FROM "news_newsitem"',
        'SELECT "news_newsitem"."id", "news_newsitem"."title" FROM "news_newsitem" LIMIT 2',
        "SAVEPOINT s1",
    ]
    floor = queries.sql_floor(statements, runs=3)
    assert floor["list_query_sql"] == statements[1]
    assert floor["list_query_ms"] >= 0
    assert floor["all_selects"] == 2
    assert floor["all_selects_ms"] >= floor["list_query_ms"]
    assert [select["sql"] for select in floor["selects"]] == statements[:2]
