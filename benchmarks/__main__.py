"""`python -m benchmarks`: the newsroom under gunicorn on PostgreSQL, at several sizes.

For each size N: the database osce_bench_<N> (created, migrated and filled by `load_demo`
when short of N items, else reused), the URLs and query counts from a Django child process,
then gunicorn with production settings, measured by a separate load process on 127.0.0.1.
Prints a Markdown table and writes the results as JSON.
"""

import argparse
import datetime
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import database, report
from benchmarks.server import BASE_DIR, Gunicorn

DEFAULT_SIZES = "10000,100000,1000000"
DEFAULT_OUTPUT = BASE_DIR / "benchmarks" / "results" / "latest.json"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        type=lambda text: sorted({int(size) for size in text.split(",")}),
        help=f"comma-separated numbers of demo items (default {DEFAULT_SIZES})",
    )
    parser.add_argument(
        "--requests", type=int, default=200, help="measured requests per URL and phase"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="clients for requests/s")
    parser.add_argument("--warmup", type=int, default=10, help="uncounted requests per URL")
    parser.add_argument(
        "--time-limit", type=float, default=30, help="seconds at most per URL and phase"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--sql-runs", type=int, default=9, help="timed runs of each SQL query")
    parser.add_argument(
        "--database-url-base",
        default=os.environ.get("BENCHMARK_DATABASE_URL_BASE", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server; databases osce_bench_<N> are created there",
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/9",
        help="Redis database for the site's cache; flushed before each size",
    )
    parser.add_argument(
        "--keep-data",
        action="store_true",
        help="keep the databases this run creates (databases found already are always kept)",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results")
    args = parser.parse_args(argv)
    if min(args.sizes) < 1 or args.requests < 1 or args.concurrency < 1:
        parser.error("sizes, requests and concurrency must be positive")
    return args


def site_env(database_url, cache_url, static_root):
    """The environment of production: debug off, Redis cache, settings from variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        BENCHMARK_STATIC_ROOT=str(static_root),
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *arguments):
    """Run a manage.py command, its output on stderr so that stdout keeps the table."""
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=sys.stderr,
    )


def note(message):
    print(f"[benchmark] {message}", file=sys.stderr, flush=True)


def fill_database(name, size, env):
    """Migrate and fill the database up to `size` items; seconds spent loading, if any."""
    note(f"{name}: migrating")  # a no-op once it is up to date
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    items = database.count_items(env["DATABASE_URL"])
    load_seconds = None
    if items < size:
        note(f"{name}: {items:,} items; loading demo items up to {size:,}")
        start = time.monotonic()
        manage(env, "load_demo", "--items", str(size))
        load_seconds = round(time.monotonic() - start, 1)
    else:
        note(f"{name}: {items:,} items already there; reusing them")
    database.vacuum_analyze(env["DATABASE_URL"])
    return load_seconds


def probe(env, work_dir, sql_runs):
    output = work_dir / "probe.json"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", str(output), str(sql_runs)],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def load(args, port, urls):
    spec = {
        "host": "127.0.0.1",
        "port": port,
        "paths": {url["name"]: url["path"] for url in urls},
        "requests": args.requests,
        "concurrency": args.concurrency,
        "warmup": args.warmup,
        "time_limit": args.time_limit,
    }
    # Three bounded phases per URL; the load process stops itself well before this.
    limit = len(urls) * 3 * (args.time_limit + 120) + 60
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.load"],
        cwd=BASE_DIR,
        input=json.dumps(spec),
        capture_output=True,
        text=True,
        check=True,
        timeout=limit,
    )
    return json.loads(completed.stdout)


def measure_size(args, size, static_root, work_dir):
    name = database.database_name(size)
    env = site_env(database.database_url(args.database_url_base, size), args.cache_url, static_root)
    created = database.ensure_database(args.database_url_base, name)
    try:
        load_seconds = fill_database(name, size, env)
        database.flush_cache(args.cache_url)
        note(f"{size:,}: choosing URLs, counting queries, timing the list query's SQL")
        found = probe(env, work_dir, args.sql_runs)
        database.flush_cache(args.cache_url)
        load_average = os.getloadavg()[0]  # other work on the machine skews the figures
        log = work_dir / f"gunicorn-{size}.log"
        with Gunicorn(env, log, workers=args.workers) as server:
            note(f"{size:,}: gunicorn on 127.0.0.1:{server.port}; measuring")
            measured = load(args, server.port, found["urls"])
            rss = server.worker_rss_mb()
    finally:
        if created and not args.keep_data:
            database.drop_database(args.database_url_base, name)
    result = report.size_result(size, found, measured, rss)
    result.update(
        database=name,
        load_demo_seconds=load_seconds,
        load_average_before=round(load_average, 2),
    )
    return result


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    partial.replace(path)


def stop(signum, frame):
    """SIGTERM unwinds like Ctrl-C, so that gunicorn and the load process are stopped."""
    raise SystemExit(128 + signum)


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, stop)
    started = datetime.datetime.now(datetime.UTC)
    results = {
        "date": started.isoformat(timespec="seconds"),
        "machine": report.machine(),
        "commit": report.git_commit(),
        "settings": {
            "sizes": args.sizes,
            "requests": args.requests,
            "concurrency": args.concurrency,
            "warmup": args.warmup,
            "time_limit_seconds": args.time_limit,
            "gunicorn_workers": args.workers,
            "sql_runs": args.sql_runs,
        },
        "sizes": [],
        "targets": [],
    }
    with tempfile.TemporaryDirectory(prefix="osce-benchmark-") as temp:
        work_dir = Path(temp)
        static_root = work_dir / "static"
        first_env = site_env(
            database.database_url(args.database_url_base, args.sizes[0]),
            args.cache_url,
            static_root,
        )
        note("collecting static files for debug-off serving")
        manage(first_env, "collectstatic", "--noinput", "--verbosity", "0")
        for size in args.sizes:
            results["sizes"].append(measure_size(args, size, static_root, work_dir))
            results["machine"]["postgresql"] = database.server_version(
                f"{args.database_url_base.rstrip('/')}/postgres"
            )
            results["targets"] = report.evaluate_targets(results["sizes"])
            write_json(args.output, results)
    print(report.markdown(results))
    note(f"results written to {args.output}")


if __name__ == "__main__":
    main()
