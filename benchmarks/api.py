"""`python -m benchmarks.api --database-url …`: the API's news list against the site's, for
the same list shapes, in one process (Django's test client), page cache off.

The URLs are the long tail's list and search shapes (benchmarks/longtail.py), drawn with a
fixed seed from the database's facet space; deep pages are left out (the API pages by
cursor). Each URL is asked once of each of: the site list (/news/?…), the API list with every
facet's counts (?…&facets=…, the same work as the site list, which always counts) and the
API list without counts (how clients mostly call it); the three are taken in turn, in a
rotating order. Prints p50 and p95 per variant, in milliseconds.

Needs a database with demo data (manage.py load_demo --items 20000). Debug off; static files
are addressed without a manifest (nothing is collected), which only changes their URLs.
"""

import argparse
import os
import secrets
import statistics
import sys
import time

SHAPES = {"list", "search"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.api", description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cache-url", default="", help="e.g. redis://127.0.0.1:6379/9")
    parser.add_argument("--urls", type=int, default=200, help="distinct list URLs (200)")
    parser.add_argument("--seed", type=int, default=12)
    return parser.parse_args(argv)


def setup(args):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="osce_cms.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=args.database_url,
        CACHE_URL=args.cache_url,
        CACHE_PAGES="false",
        # One client stands for many: no 429s.
        NEWS_SEARCH_RATE="1000000/m",
        NEWS_LIST_RATE="1000000/m",
        API_RATE="1000000/m",
    )
    import django

    django.setup()


def variants(path, facets):
    """(site path, API path with every facet's counts, API path without counts)."""
    query = path.split("?", 1)[1] if "?" in path else ""
    api = "/api/v1/news/?" + query
    joined = "&" if query else ""
    return path, f"{api}{joined}facets={facets}", api.rstrip("?")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv=None):
    args = parse_args(argv)
    setup(args)
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from benchmarks import longtail
    from newsroom import index as news_index
    from newsroom.facets import PARAMS

    started = time.perf_counter()
    news_index.current()  # as gunicorn's master does before its workers fork
    print(f"index read in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    space = longtail.facet_space()
    drawn = longtail.draw(space, args.urls * 3, args.seed)
    paths = [
        entry["path"]
        for entry in drawn
        if entry["kind"] in SHAPES and entry["shape"] != "deep page"
    ][: args.urls]
    facets = ",".join(PARAMS)
    names = ("site list", "API + facets", "API")
    times = {name: [] for name in names}
    statuses = {name: {} for name in names}
    client = Client()
    storage = "django.contrib.staticfiles.storage.StaticFilesStorage"
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": storage},
        }
    ):
        cache.clear()
        for path in paths[:5]:  # warm-up: templates compiled, terms read once per state
            for variant in variants(path, facets):
                client.get(variant)
        for number, path in enumerate(paths):
            runs = list(zip(names, variants(path, facets), strict=True))
            shift = number % len(runs)
            for name, variant in runs[shift:] + runs[:shift]:
                begin = time.perf_counter()
                response = client.get(variant)
                times[name].append((time.perf_counter() - begin) * 1000)
                statuses[name][response.status_code] = (
                    statuses[name].get(response.status_code, 0) + 1
                )
    print(f"{len(paths)} distinct list URLs (seed {args.seed}), page cache off, in process\n")
    print("| variant | p50 ms | p95 ms | mean ms | statuses |")
    print("|---|---:|---:|---:|---|")
    for name in names:
        values = times[name]
        print(
            f"| {name} | {percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f} "
            f"| {statistics.fmean(values):.1f} | {statuses[name]} |"
        )
    print(f"\ntotal {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
