"""The Django side of the benchmark, for one database.

Picks the URLs to measure from the data, counts the queries each makes through Django's test
client, and times the SQL of the list page directly on the connection: the floor under what
the site can answer in.
"""

import re
import time
from collections import Counter
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, Q
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from benchmarks.server import HEALTH_PATH
from benchmarks.stats import median
from news.models import NewsCountry, NewsFieldOfWork, NewsItem
from newsroom import facets
from structures.models import Structure

LIST_PATH = "/en/news/"
FEED_PATH = "/en/news/rss/"
PAGE = 250
COMMON_WORD = "security"
# Words are taken from the newest items' titles and ledes, then counted over all of them.
WORD_SAMPLE = 2000
RARE_CANDIDATES = 30
WORD = re.compile(r"[a-z]{5,}")


def news_url(path=LIST_PATH, **params):
    """A path with its query string; a list value repeats the parameter. The list's in its
    canonical form (newsroom/facets.py), which /news/ answers without a redirect."""
    if path == LIST_PATH:
        return path + canonical_query(urlencode(params, doseq=True))
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def canonical_query(query):
    """The list's canonical query string ("?…" or "") of `query`."""
    return facets.query(QueryDict(query))


def top_slugs(links, term, limit):
    """Slugs of the `limit` terms with the most published items, most first."""
    published = NewsItem.objects.published().values("pk")
    rows = (
        links.filter(news__in=published)
        .values(f"{term}__slug")
        .annotate(items=Count("pk"))
        .order_by("-items", f"{term}__slug")[:limit]
    )
    return [(row[f"{term}__slug"], row["items"]) for row in rows]


def busiest_parent_structure():
    """The structure with children whose subtree leads the most published items."""
    lead_counts = dict(
        NewsItem.objects.published()
        .order_by()
        .values_list("lead_structure")
        .annotate(items=Count("pk"))
    )
    children, slugs = {}, {}
    for pk, parent_id, slug in Structure.objects.values_list("pk", "parent_id", "slug"):
        children.setdefault(parent_id, []).append(pk)
        slugs[pk] = slug

    def subtree_items(root):
        total, stack, seen = 0, [root], set()
        while stack:
            pk = stack.pop()
            if pk not in seen:
                seen.add(pk)
                total += lead_counts.get(pk, 0)
                stack.extend(children.get(pk, ()))
        return total

    parents = [pk for pk in slugs if children.get(pk)]
    if not parents:
        return None, 0
    best = max(parents, key=lambda pk: (subtree_items(pk), slugs[pk]))
    return slugs[best], subtree_items(best)


def most_recent_full_year():
    """The latest year before this one that has published items, else the latest year."""
    dates = NewsItem.objects.published().exclude(date_issued=None).order_by("date_issued")
    first = dates.values_list("date_issued", flat=True).first()
    last = dates.reverse().values_list("date_issued", flat=True).first()
    if last is None:
        return None
    year = min(last.year, timezone.localdate().year - 1)
    return year if year >= first.year else last.year


def sample_words():
    """Document frequency of the words in the titles and ledes of the newest items."""
    frequency = Counter()
    for title, lede in NewsItem.objects.published().values_list("title", "lede")[:WORD_SAMPLE]:
        frequency.update(set(WORD.findall(f"{title} {lede}".lower())))
    return frequency


def count_items_with_words(words):
    """How many published items have each word in their title or lede."""
    counts = NewsItem.objects.published().aggregate(
        **{
            f"w{i}": Count("pk", filter=Q(title__icontains=word) | Q(lede__icontains=word))
            for i, word in enumerate(words)
        }
    )
    return {word: counts[f"w{i}"] for i, word in enumerate(words)}


def pick_words():
    """A common word and a rare one, each with the number of items it appears in."""
    frequency = sample_words()
    if not frequency:
        return None, None
    common = (
        COMMON_WORD
        if COMMON_WORD in frequency
        else min(frequency, key=lambda word: (-frequency[word], word))
    )
    candidates = sorted(frequency, key=lambda word: (frequency[word], word))[:RARE_CANDIDATES]
    counts = count_items_with_words([common, *candidates])
    found = [word for word in candidates if counts[word] > 0]
    if not found:
        return (common, counts[common]), None
    rare = min(found, key=lambda word: (counts[word], word))
    return (common, counts[common]), (rare, counts[rare])


def select_urls():
    """The URLs the benchmark measures, chosen from the data, with why each was chosen.

    Each entry: name, kind (list, search, item, feed or floor), path and a note.
    """
    fields = top_slugs(NewsFieldOfWork.objects, "field", 2)
    countries = top_slugs(NewsCountry.objects, "country", 1)
    structure, structure_items = busiest_parent_structure()
    year = most_recent_full_year()
    common, rare = pick_words()
    latest = NewsItem.objects.published().only("slug").first()

    urls = [{"name": "list", "kind": "list", "path": LIST_PATH, "note": "all published news"}]
    if fields:
        field, field_items = fields[0]
        urls.append(
            {
                "name": "field",
                "kind": "list",
                "path": news_url(field=field),
                "note": f"the field with the most items ({field_items})",
            }
        )
    if fields and countries:
        country, country_items = countries[0]
        urls.append(
            {
                "name": "field+country",
                "kind": "list",
                "path": news_url(field=field, country=country),
                "note": f"and the country with the most items ({country_items})",
            }
        )
    if len(fields) == 2 and structure:
        urls.append(
            {
                "name": "2 fields+structure",
                "kind": "list",
                "path": news_url(field=[slug for slug, _ in fields], structure=structure),
                "note": f"a structure with its subtree ({structure_items} items led)",
            }
        )
    if year:
        urls.append(
            {
                "name": "year",
                "kind": "list",
                "path": news_url(year=year),
                "note": "the most recent full year",
            }
        )
    if common:
        urls.append(
            {
                "name": "search common",
                "kind": "search",
                "path": news_url(q=common[0]),
                "note": f"in {common[1]} titles or ledes",
            }
        )
    if rare:
        urls.append(
            {
                "name": "search rare",
                "kind": "search",
                "path": news_url(q=rare[0]),
                "note": f"in {rare[1]} titles or ledes",
            }
        )
    urls.append({"name": f"page {PAGE}", "kind": "list", "path": news_url(page=PAGE), "note": ""})
    if latest:
        urls.append(
            {
                "name": "item",
                "kind": "item",
                "path": latest.get_absolute_url(),
                "note": "the most recent item",
            }
        )
    if fields and countries:
        urls.append(
            {
                "name": "feed",
                "kind": "feed",
                "path": news_url(FEED_PATH, field=field, country=country),
                "note": "RSS, field and country",
            }
        )
    urls.append(
        {
            "name": "healthz",
            "kind": "floor",
            "path": HEALTH_PATH,
            "note": "trivial view, no database",
        }
    )
    return urls


def count_queries(client, path):
    """Status and queries of a first and a repeated GET; the first request's SQL."""
    result = {"status": None, "queries_first": None, "queries_repeat": None, "error": None}
    captured = []
    for attempt in ("first", "repeat"):
        with CaptureQueriesContext(connection) as context:
            try:
                response = client.get(path)
            except Exception as exc:  # a 500 in production: report it, keep measuring
                result["error"] = f"{type(exc).__name__}: {exc}"
                return result, captured
        result[f"queries_{attempt}"] = len(context.captured_queries)
        if attempt == "first":
            result["status"] = response.status_code
            captured = [query["sql"] for query in context.captured_queries]
    if result["status"] != 200:
        result["error"] = f"HTTP {result['status']}"
    return result, captured


def find_list_query(statements):
    """Index of the query that selects the page of items (title, LIMIT), or None."""
    for index, sql in enumerate(statements):
        text = " ".join(sql.split())
        main_from = text.find(' FROM "news_newsitem"')
        if (
            text.upper().startswith("SELECT ")
            and main_from > 0
            and '"news_newsitem"."title"' in text[:main_from]
            and " LIMIT " in text
        ):
            return index
    return None


def time_sql(sql, runs):
    """Median milliseconds of executing `sql` and fetching its rows, after one warm run."""
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # the driver's own cursor: nothing of Django's in the timing
        cursor.execute(sql)
        cursor.fetchall()
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            timings.append(time.perf_counter() - start)
    return round(median(timings) * 1000, 3)


def explain(sql):
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as wrapper:
        wrapper.cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [row[0] for row in wrapper.cursor.fetchall()]


def sql_floor(statements, runs):
    """Raw time of the list query and of all the SELECTs of the list page."""
    selects = [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    timings = [time_sql(sql, runs) for sql in selects]
    index = find_list_query(selects)
    return {
        "runs": runs,
        "list_query_sql": selects[index] if index is not None else None,
        "list_query_ms": timings[index] if index is not None else None,
        "list_query_explain": explain(selects[index]) if index is not None else [],
        "all_selects": len(selects),
        "all_selects_ms": round(sum(timings), 3),
        "selects": [{"ms": ms, "sql": sql} for ms, sql in zip(timings, selects, strict=True)],
    }


def probe(sql_runs=9):
    """Everything the benchmark learns from the database, as one JSON-ready dict."""
    urls = select_urls()
    client = Client(HTTP_HOST="127.0.0.1")
    list_statements = []
    for url in urls:
        counts, statements = count_queries(client, url["path"])
        url.update(counts)
        if url["path"] == LIST_PATH:
            list_statements = statements
    return {
        "items": NewsItem.objects.count(),
        "published": NewsItem.objects.published().count(),
        "urls": urls,
        "sql": sql_floor(list_statements, sql_runs),
    }
