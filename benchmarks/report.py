"""The benchmark's results: the issue's targets, a Markdown table, the machine and commit."""

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

TARGET_SIZE = 1_000_000
LIST_P50_MS = 30
SEARCH_P50_MS = 50
ITEM_P50_MS = 10
LIST_REQUESTS_PER_SECOND = 75
GROWTH_RATIO = 1.5
LIST_QUERIES = 8
WORKER_MB = 200


def machine():
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    ram_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            ram_kb = int(line.split()[1])
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu_model,
        "ram_gb": round(ram_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "gunicorn": metadata.version("gunicorn"),
    }


def git_commit():
    """The checked-out commit, marked "-dirty" when tracked files have changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=BASE_DIR, capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{commit}-dirty" if changes else commit


def size_result(size, found, measured, workers_rss_mb):
    """One size's results: the probe's URLs, each with its load measurements (none when the
    warm phases were not run)."""
    urls = [{**url, **(measured or {}).get(url["name"], {})} for url in found["urls"]]
    return {
        "size": size,
        "items": found["items"],
        "published": found["published"],
        "urls": urls,
        "sql": found["sql"],
        "workers_rss_mb": workers_rss_mb,
    }


def answered(url):
    """Whether every measured request of `url` got a 200."""
    return (
        url.get("status") == 200
        and "sequential" in url
        and url["sequential"]["errors"] == 0
        and url["concurrent"]["errors"] == 0
        and url["sequential"]["p50_ms"] is not None
    )


def url_named(size_result, name):
    return next((url for url in size_result["urls"] if url["name"] == name), None)


def target(text, size, value, met, note=""):
    return {"target": text, "at_size": size, "value": value, "met": met, "note": note}


def latency_target(text, size_result, kind, limit):
    urls = [url for url in size_result["urls"] if url["kind"] == kind]
    size = size_result["size"]
    if not urls:
        return target(text, size, None, None, "not measured")
    failed = [url["name"] for url in urls if not answered(url)]
    if failed:
        return target(text, size, None, False, "errors on " + ", ".join(failed))
    slowest = max(urls, key=lambda url: url["sequential"]["p50_ms"])
    value = slowest["sequential"]["p50_ms"]
    return target(text, size, value, value <= limit, f"slowest: {slowest['name']}")


def evaluate_targets(sizes):
    """The issue's targets, judged at the largest size measured (they are set at 1,000,000)."""
    if not sizes:
        return []
    sizes = sorted(sizes, key=lambda result: result["size"])
    smallest, largest = sizes[0], sizes[-1]
    at = largest["size"]
    targets = [
        latency_target(f"list variants p50 ≤ {LIST_P50_MS} ms", largest, "list", LIST_P50_MS),
        latency_target(f"search p50 ≤ {SEARCH_P50_MS} ms", largest, "search", SEARCH_P50_MS),
        latency_target(f"item page p50 ≤ {ITEM_P50_MS} ms", largest, "item", ITEM_P50_MS),
    ]

    text = f"/news/ ≥ {LIST_REQUESTS_PER_SECOND} requests/s at concurrency 4"
    news = url_named(largest, "list")
    if news is None or not answered(news):
        targets.append(target(text, at, None, False if news else None, "errors or not measured"))
    else:
        rps = news["concurrent"]["requests_per_second"]
        targets.append(target(text, at, rps, rps >= LIST_REQUESTS_PER_SECOND))

    text = f"/news/ p50 at the largest size ≤ {GROWTH_RATIO}× at the smallest"
    first, last = url_named(smallest, "list"), url_named(largest, "list")
    if len(sizes) < 2:
        targets.append(target(text, at, None, None, "needs two sizes"))
    elif not (first and last and answered(first) and answered(last)):
        targets.append(target(text, at, None, False, "errors or not measured"))
    else:
        ratio = round(last["sequential"]["p50_ms"] / first["sequential"]["p50_ms"], 2)
        targets.append(
            target(text, at, ratio, ratio <= GROWTH_RATIO, f"{smallest['size']:,} → {at:,} items")
        )

    text = f"queries per list page ≤ {LIST_QUERIES} and the same at every size"
    counts = {}
    for result in sizes:
        for url in result["urls"]:
            if url["kind"] == "list":
                counts.setdefault(url["name"], []).append(url.get("queries_first"))
    if not counts or any(None in values for values in counts.values()):
        targets.append(target(text, at, None, False if counts else None, "a page failed"))
    else:
        most = max(max(values) for values in counts.values())
        varying = sorted(name for name, values in counts.items() if len(set(values)) > 1)
        note = "varies with size: " + ", ".join(varying) if varying else ""
        targets.append(target(text, at, most, most <= LIST_QUERIES and not varying, note))

    text = f"worker memory < {WORKER_MB} MB after the run"
    rss = largest.get("workers_rss_mb") or []
    if rss:
        targets.append(target(text, at, max(rss), max(rss) < WORKER_MB))
    else:
        targets.append(target(text, at, None, None, "not measured"))

    for entry in targets:
        if at != TARGET_SIZE:
            entry["note"] = "; ".join(
                filter(None, [entry["note"], f"the target is set at {TARGET_SIZE:,} items"])
            )
    return targets


def cell(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def markdown(report):
    """The results as Markdown tables: one row per size and page, then floors, then targets."""
    lines = [
        "| Items | Page | URL | p50 ms | p95 ms | req/s at c=4 | queries (first/repeat) | errors |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in report["sizes"]:
        size = f"{result['size']:,}"
        for url in result["urls"]:
            if "sequential" not in url:
                continue
            sequential, concurrent = url["sequential"], url["concurrent"]
            errors = sequential["errors"] + concurrent["errors"] + url.get("warmup_errors", 0)
            samples = sequential["error_samples"] + concurrent["error_samples"]
            problem = url.get("error") or (samples[0] if samples else "")
            queries = f"{cell(url.get('queries_first'))}/{cell(url.get('queries_repeat'))}"
            lines.append(
                f"| {size} | {url['name']} | `{url['path']}` | {cell(sequential['p50_ms'])} "
                f"| {cell(sequential['p95_ms'])} | {cell(concurrent['requests_per_second'])} "
                f"| {queries} | {errors}{f' ({problem})' if problem else ''} |"
            )
        sql = result["sql"]
        lines.append(
            f"| {size} | list query, raw SQL | median of {sql['runs']} "
            f"| {cell(sql['list_query_ms'], 2)} | | | 1 | |"
        )
        lines.append(
            f"| {size} | all SELECTs of /news/, raw SQL | median of {sql['runs']} each, summed "
            f"| {cell(sql['all_selects_ms'], 2)} | | | {sql['all_selects']} | |"
        )
    lines += ["", "| Items | Worker memory after the run (RSS) |", "| ---: | --- |"]
    for result in report["sizes"]:
        rss = ", ".join(f"{value:.0f} MB" for value in result.get("workers_rss_mb", []))
        lines.append(f"| {result['size']:,} | {rss or '–'} |")
    lines += ["", *long_tail_markdown(report["sizes"])]
    lines += ["", "| Target | At items | Value | Met | Note |", "| --- | ---: | ---: | --- | --- |"]
    verdict = {True: "met", False: "missed", None: "–"}
    for entry in report["targets"]:
        lines.append(
            f"| {entry['target']} | {entry['at_size']:,} | {cell(entry['value'])} "
            f"| {verdict[entry['met']]} | {entry['note']} |"
        )
    return "\n".join(lines)


def count_failures(sizes):
    """Lines saying which shown numbers differ from the plain counts, or could not be read."""
    lines = []
    for result in sizes:
        counts = result.get("counts") or {}
        for difference in counts.get("differences", []):
            lines.append(
                f"{result['size']:,}: {difference['path']} {difference['what']}: "
                f"shown {difference['shown']}, counted {difference['expected']}"
            )
        for error in counts.get("errors", []):
            lines.append(f"{result['size']:,}: {error}")
    return lines


def shape_rows(label, shapes):
    rows = []
    for shape, figures in shapes.items():
        errors = figures["errors"]
        problem = f" ({figures['error_samples'][0]})" if errors else ""
        rows.append(
            f"| {label} | {'**all**' if shape == 'all' else shape} | {figures['n']} "
            f"| {cell(figures['p50_ms'])} | {cell(figures['p95_ms'])} | {cell(figures['p99_ms'])} "
            f"| {cell(figures['max_ms'])} | {errors}{problem} |"
        )
    return rows


def long_tail_markdown(sizes):
    """The long tail per size, page cache and concurrency, one row per shape; the floors;
    the counts check; reading while publishing."""
    lines = [
        "| Items, page cache, concurrency | Shape | n | p50 ms | p95 ms | p99 ms | max ms "
        "| errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    floors = [
        "| Items | page cache | healthz p50 ms | healthz p99 ms | list query, raw SQL ms "
        "| all SELECTs of /news/, raw SQL ms |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    checks, publishing = [], []
    for result in sizes:
        size = f"{result['size']:,}"
        engine = " SQLite" if result.get("engine") == "sqlite" else ""
        for mode, measured in (result.get("long_tail") or {}).items():
            for concurrency in ("c1", "c4"):
                if concurrency in measured:
                    label = f"{size}{engine}, {mode}, {concurrency[1:]}"
                    lines += shape_rows(label, measured[concurrency]["shapes"])
            health = measured.get("healthz", {})
            floors.append(
                f"| {size}{engine} | {mode} | {cell(health.get('p50_ms'))} "
                f"| {cell(health.get('p99_ms'))} | {cell(result['sql']['list_query_ms'], 2)} "
                f"| {cell(result['sql']['all_selects_ms'], 2)} |"
            )
            if "publishing" in measured:
                publishing.append((f"{size}{engine}, {mode}", measured["publishing"]))
        counts = result.get("counts")
        if counts:
            checks.append(
                f"- {size}{engine}: {counts['numbers']} numbers on {counts['pages']} pages, "
                f"{len(counts['differences'])} differences, {len(counts['errors'])} errors"
            )
    lines += ["", *floors]
    if checks:
        lines += ["", "Counts checked against plain ORM counts:", *checks]
    if publishing:
        lines += ["", *publishing_markdown(publishing)]
    return lines


def publishing_markdown(runs):
    lines = [
        "| Items, page cache | readers n | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| publications | visible on /news/ s (median, max) | in its count s | in RSS s "
        "| draft saves |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: |",
    ]
    for label, run in runs:
        readers = run["readers"]["shapes"]["all"]
        publications = run["editor"]["publications"]

        def seen(key, publications=publications):
            times = [p[key] for p in publications if p[key] is not None]
            missed = len(publications) - len(times)
            if not times:
                return "never" if publications else "–"
            text = f"{sorted(times)[len(times) // 2]:.2f}, {max(times):.2f}"
            return text + (f" ({missed} not within 30 s)" if missed else "")

        lines.append(
            f"| {label} | {readers['n']} | {cell(readers['p50_ms'])} | {cell(readers['p95_ms'])} "
            f"| {cell(readers['p99_ms'])} | {cell(readers['max_ms'])} | {readers['errors']} "
            f"| {len(publications)} | {seen('list')} | {seen('count')} | {seen('feed')} "
            f"| {run['editor']['draft_saves']} |"
        )
    return lines
