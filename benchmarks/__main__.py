"""`python -m benchmarks`: the newsroom under gunicorn on PostgreSQL, at several sizes.

For each size N: the database osce_bench_<N> (created, migrated and filled by `load_demo`
when short of N items, else reused), the URLs, query counts and facet space from a Django
child process, then gunicorn with production settings, once with the whole-page cache off
and once on, measured by a separate load process on 127.0.0.1: the long tail (distinct URLs,
each asked once from an emptied cache, at concurrency 1 and 4), the floors, the counts
checked against plain ORM counts (any difference fails the run), the repeated URLs of the
warm phases (page cache on) and, with --publishing, the long tail while an editor publishes.
Prints Markdown tables and writes the results as JSON.
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

from benchmarks import database, longtail, report, targets
from benchmarks.server import BASE_DIR, HEALTH_PATH, Gunicorn
from benchmarks.stats import by_shape

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
    parser.add_argument(
        "--urls", type=int, default=400, help="distinct long-tail URLs per concurrency"
    )
    parser.add_argument("--seed", type=int, default=2026, help="seed of the long tail's draw")
    parser.add_argument(
        "--page-cache",
        default="off,on",
        type=lambda text: [mode.strip() for mode in text.split(",")],
        help="whole-page cache settings to measure, 'off,on' (default), 'off' or 'on'",
    )
    parser.add_argument(
        "--check-counts",
        type=int,
        default=60,
        help="long-tail list pages whose shown numbers are checked against ORM counts",
    )
    parser.add_argument(
        "--publishing",
        type=float,
        default=0,
        metavar="SECONDS",
        help="also read the long tail at concurrency 4 for SECONDS while an editor publishes "
        "every 10 s and saves a draft every 2 s (e.g. 60; default: not run)",
    )
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="skip the warm phases (the same URLs asked again and again)",
    )
    parser.add_argument(
        "--sqlite",
        action="store_true",
        help="SQLite files benchmarks/data/osce_bench_<N>.sqlite3 instead of PostgreSQL",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="PATH",
        help="an earlier run's JSON (e.g. the 10,000 items' run) whose smaller sizes are the "
        "baseline of the growth target, so that 10,000 and 1,000,000 can be run separately",
    )
    parser.add_argument(
        "--fail-on-targets",
        action="store_true",
        help="exit with status 1 when a target of issue 10 fails (by default they are goals: "
        "only a count difference fails the run)",
    )
    args = parser.parse_args(argv)
    if args.compare:
        try:
            args.compared = json.loads(args.compare.read_text())["sizes"]
        except (OSError, ValueError, KeyError, TypeError) as problem:
            parser.error(f"--compare {args.compare}: not a benchmark's results ({problem})")
    else:
        args.compared = None
    if min(args.sizes) < 1 or args.requests < 1 or args.concurrency < 1 or args.urls < 1:
        parser.error("sizes, requests, urls and concurrency must be positive")
    if not set(args.page_cache) <= {"off", "on"} or not args.page_cache:
        parser.error("--page-cache takes off, on or off,on")
    return args


def site_env(database_url, cache_url, static_root, page_cache=True):
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
        CACHE_PAGES="true" if page_cache else "false",
        # The load comes from one address but stands for many visitors: no 429s.
        NEWS_SEARCH_RATE="1000000/m",
        NEWS_LIST_RATE="1000000/m",
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
    """Migrate and fill the database up to `size` items: how long `load_demo` took and how
    many items it added, or None when the database had them already."""
    note(f"{name}: migrating")  # a no-op once it is up to date
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    items = database.count_items(env["DATABASE_URL"])
    loaded = None
    if items < size:
        note(f"{name}: {items:,} items; loading demo items up to {size:,}")
        start = time.monotonic()
        manage(env, "load_demo", "--items", str(size))
        seconds = round(time.monotonic() - start, 1)
        after = database.count_items(env["DATABASE_URL"])
        loaded = {
            "seconds": seconds,
            "items_before": items,
            "items_after": after,
            "items_loaded": after - items,
        }
        note(f"{name}: {after - items:,} items loaded in {seconds:,.1f} s")
    else:
        note(f"{name}: {items:,} items already there; reusing them")
    database.vacuum_analyze(env["DATABASE_URL"])
    return loaded


def probe(env, work_dir, sql_runs):
    output = work_dir / "probe.json"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", str(output), str(sql_runs)],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def facet_space(env, work_dir):
    output = work_dir / "space.json"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", "space", str(output)],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def check_counts(env, work_dir, port, paths):
    listed, output = work_dir / "check-paths.json", work_dir / "check.json"
    listed.write_text(json.dumps(paths))
    subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", "check", str(port), str(listed), str(output)],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    return json.loads(output.read_text())


def run_load(spec, limit):
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


def long_tail(port, urls, concurrency, seconds=None):
    """The URLs asked once each (or round and round for `seconds`): per-shape figures."""
    spec = {
        "host": "127.0.0.1",
        "port": port,
        "urls": urls,
        "concurrency": concurrency,
        "seconds": seconds,
    }
    measured = run_load(spec, (seconds or 0) + len(urls) * 130 + 60)
    return {
        "urls": len(urls),
        "concurrency": concurrency,
        "seconds": measured["seconds"],
        "shapes": by_shape(measured["samples"]),
    }


def publishing(env, work_dir, port, urls, seconds):
    """The long tail at concurrency 4 while the editor child publishes and saves drafts."""
    output = work_dir / "editor.json"
    editor = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.editor", str(port), str(seconds), str(output)],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        readers = long_tail(port, urls, 4, seconds=seconds)
        editor.wait(timeout=seconds + 120)
    finally:
        if editor.poll() is None:
            editor.terminate()
            editor.wait()
    if editor.returncode != 0:
        raise RuntimeError(f"the editor process failed ({editor.returncode})")
    return {"readers": readers, "editor": json.loads(output.read_text())}


def load(args, port, urls):
    """The warm phases: each URL asked again and again (what the page cache serves)."""
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
    return run_load(spec, len(urls) * 3 * (args.time_limit + 120) + 60)


def database_url(args, size):
    if args.sqlite:
        return database.sqlite_url(size)
    return database.database_url(args.database_url_base, size)


def measure_mode(args, env, work_dir, size, mode, draws):
    """One gunicorn with the page cache `mode` ("off" or "on"): the long tail, the floor,
    the counts check (once), the warm phases (page cache on) and the publishing phase."""
    result, log = {"page_cache": mode}, work_dir / f"gunicorn-{size}-{mode}.log"
    with Gunicorn(env, log, workers=args.workers) as server:
        note(f"{size:,}: gunicorn on 127.0.0.1:{server.port}, page cache {mode}")
        for worker in server.ready["workers"]:
            note(f"{size:,}: worker {worker['pid']}: index ready in {worker['seconds']} s")
        health = [{"shape": "healthz", "path": HEALTH_PATH}] * args.requests
        result["healthz"] = long_tail(server.port, health, 1)["shapes"]["healthz"]
        for concurrency, urls in ((1, draws["c1"]), (4, draws["c4"])):
            database.flush_cache(args.cache_url)
            note(f"{size:,}: long tail, {len(urls)} URLs at concurrency {concurrency}")
            result[f"c{concurrency}"] = long_tail(server.port, urls, concurrency)
        if draws["check"]:
            note(f"{size:,}: checking the numbers of {len(draws['check'])} pages")
            result["counts"] = check_counts(env, work_dir, server.port, draws["check"])
            draws["check"] = []  # once per size
        if mode == "on" and not args.no_warm and draws["warm"]:
            database.flush_cache(args.cache_url)
            note(f"{size:,}: warm phases (the same URLs again and again)")
            result["warm"] = load(args, server.port, draws["warm"])
        if args.publishing:
            database.flush_cache(args.cache_url)
            note(f"{size:,}: reading while publishing, {args.publishing:.0f} s")
            result["publishing"] = publishing(
                env, work_dir, server.port, draws["pool"], args.publishing
            )
        result["workers_rss_mb"] = server.worker_rss_mb()
        result["workers_ready"] = {
            **server.ready,
            "rss_mb": server.rss_ready_mb,
            "index_builds": server.index_builds(),
        }
    return result


def measure_size(args, size, static_root, work_dir):
    name = database.database_name(size)
    url = database_url(args, size)
    env = site_env(url, args.cache_url, static_root)
    created = (
        database.ensure_sqlite(url)
        if args.sqlite
        else database.ensure_database(args.database_url_base, name)
    )
    try:
        loaded = fill_database(name, size, env)
        database.flush_cache(args.cache_url)
        note(f"{size:,}: choosing URLs, counting queries, timing the list query's SQL")
        found = probe(env, work_dir, args.sql_runs)
        space = facet_space(env, work_dir)
        drawn = longtail.draw(space, 2 * args.urls, args.seed)
        c1, c4 = longtail.split(drawn, 2)
        listed = [entry["path"] for entry in c1 if entry["kind"] in ("list", "search")]
        draws = {
            "c1": c1,
            "c4": c4,
            "check": listed[: args.check_counts],
            "warm": found["urls"],
            "pool": longtail.draw(space, 3000, args.seed + 1),
        }
        load_average = os.getloadavg()[0]  # other work on the machine skews the figures
        modes = {}
        for mode in args.page_cache:
            mode_env = site_env(url, args.cache_url, static_root, page_cache=mode == "on")
            modes[mode] = measure_mode(args, mode_env, work_dir, size, mode, draws)
    finally:
        if created and not args.keep_data:
            if args.sqlite:
                database.drop_sqlite(url)
            else:
                database.drop_database(args.database_url_base, name)
    warm = next((m["warm"] for m in modes.values() if "warm" in m), None)
    rss = next((m["workers_rss_mb"] for m in modes.values() if "warm" in m), [])
    result = report.size_result(size, found, warm, rss)
    result.update(
        database=name if not args.sqlite else url,
        engine="sqlite" if args.sqlite else "postgresql",
        load_demo_seconds=loaded and loaded["seconds"],
        load_demo=loaded,
        load_average_before=round(load_average, 2),
        space={key: space[key] for key in ("published", "pages")},
        shape_kinds={entry["shape"]: entry["kind"] for entry in drawn},
        long_tail=modes,
        counts=next((m["counts"] for m in modes.values() if "counts" in m), None),
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


def failures(results, fail_on_targets=False):
    """What fails the run: numbers differing from the plain counts, and, with
    --fail-on-targets, the targets of issue 10 that failed (else they are goals)."""
    problems = []
    differences = report.count_failures(results["sizes"])
    if differences:
        problems.append("shown numbers differ from the plain counts:\n" + "\n".join(differences))
    missed = [row["name"] for row in results["verdict"]["rows"] if row["status"] == targets.FAIL]
    if missed and fail_on_targets:
        problems.append("targets failed (--fail-on-targets): " + "; ".join(missed))
    return problems


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
            "urls": args.urls,
            "seed": args.seed,
            "page_cache": args.page_cache,
            "check_counts": args.check_counts,
            "publishing_seconds": args.publishing,
            "engine": "sqlite" if args.sqlite else "postgresql",
            "compare": str(args.compare) if args.compare else None,
        },
        "sizes": [],
        "targets": [],
        "verdict": None,
    }
    with tempfile.TemporaryDirectory(prefix="osce-benchmark-") as temp:
        work_dir = Path(temp)
        static_root = work_dir / "static"
        first_env = site_env(database_url(args, args.sizes[0]), args.cache_url, static_root)
        note("collecting static files for debug-off serving")
        manage(first_env, "collectstatic", "--noinput", "--verbosity", "0")
        for size in args.sizes:
            results["sizes"].append(measure_size(args, size, static_root, work_dir))
            if not args.sqlite:
                results["machine"]["postgresql"] = database.server_version(
                    f"{args.database_url_base.rstrip('/')}/postgres"
                )
            results["targets"] = report.evaluate_targets(results["sizes"])
            results["verdict"] = targets.verdict(results["sizes"], args.compared, args.compare)
            write_json(args.output, results)
    print(report.markdown(results))
    print("\n" + "\n".join(targets.markdown(results["verdict"])))
    note(f"results written to {args.output}")
    problems = failures(results, args.fail_on_targets)
    if problems:
        note("FAILED: " + "\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
