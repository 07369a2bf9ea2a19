"""Issue 10's targets, judged from a run's results: each with its value, its limit and a
verdict. A target is judged at the size it is set at; measured only at another size it is
"not measured" (the note says whether that size was within the limit), never passed.

Standard library only, like the rest of the result handling.
"""

from dataclasses import asdict, dataclass

from benchmarks.longtail import SHAPES

PASS, FAIL, NOT_MEASURED = "pass", "fail", "not measured"
MILLION = 1_000_000
PAGE_CACHE = "off"  # the long tail's targets are set with the whole-page cache off
CONCURRENCY = "c1"  # latencies of one visitor at a time
NOT_SHAPES = ("all", "healthz")


@dataclass(frozen=True)
class Target:
    name: str
    measure: str  # how the value is read from a size's results: a key of MEASURES
    limit: float
    unit: str
    size: int | None = MILLION  # None: every size measured
    engine: str = "postgresql"
    kind: str = ""  # long-tail shapes of this kind (longtail.SHAPES)
    figure: str = ""  # p50_ms, p95_ms, p99_ms or max_ms
    baseline: int | None = None  # growth: the size compared with


TARGETS = (
    Target("every list shape p50", "worst_shape", 40, "ms", kind="list", figure="p50_ms"),
    Target("every list shape p95", "worst_shape", 120, "ms", kind="list", figure="p95_ms"),
    Target("every list shape p99", "worst_shape", 250, "ms", kind="list", figure="p99_ms"),
    Target("every search shape p95", "worst_shape", 200, "ms", kind="search", figure="p95_ms"),
    Target("item page asked first p50", "worst_shape", 15, "ms", kind="item", figure="p50_ms"),
    Target("each shape's p50 grows at most", "growth", 1.5, "×", baseline=10_000),
    Target("readers while publishing p99", "readers", 300, "ms", figure="p99_ms"),
    Target("readers while publishing max", "readers", 1000, "ms", figure="max_ms"),
    Target("a publication in list, counts and feed", "visible", 2, "s"),
    Target("long tail p50, all shapes", "overall", 100, "ms", 100_000, "sqlite", figure="p50_ms"),
    Target("worker memory (RSS) after the run", "memory", 250, "MB"),
    Target("demo generation (load_demo)", "demo_load", 300, "s"),
    Target("counts differing from plain ORM counts", "counts", 0, "", size=None, engine=""),
)


class NotMeasured(Exception):
    """The run did not measure what the target needs; the message says what is missing."""


@dataclass
class Reading:
    value: float | None
    note: str = ""
    failed: bool = False  # errors, whatever the value
    elsewhere: str = ""  # set when measured at another size than the target's


def long_tail(result, concurrency=CONCURRENCY):
    """{shape: figures} of the long tail with the page cache off."""
    try:
        return result["long_tail"][PAGE_CACHE][concurrency]["shapes"]
    except (KeyError, TypeError):
        raise NotMeasured(f"no long tail with the page cache {PAGE_CACHE}") from None


def shape_kind(result, shape):
    """A shape's kind: recorded with the results, else SHAPES' (facet parameters are lists)."""
    return (result.get("shape_kinds") or {}).get(shape) or SHAPES.get(shape, "list")


def worst_shape(target, result, context):
    shapes = {
        shape: figures
        for shape, figures in long_tail(result).items()
        if shape not in NOT_SHAPES and shape_kind(result, shape) == target.kind
    }
    if not shapes:
        raise NotMeasured(f"no {target.kind} shape")
    failed = sorted(s for s, f in shapes.items() if f["errors"] or f[target.figure] is None)
    if failed:
        return Reading(None, "errors on " + ", ".join(failed), failed=True)
    worst = max(shapes, key=lambda shape: shapes[shape][target.figure])
    note = f"slowest: {worst}" if len(shapes) > 1 else ""
    return Reading(shapes[worst][target.figure], note)


def overall(target, result, context):
    figures = long_tail(result)["all"]
    if figures["errors"] or figures[target.figure] is None:
        return Reading(figures[target.figure], f"{figures['errors']} errors", failed=True)
    return Reading(figures[target.figure])


def growth_baseline(target, result, context):
    """The result to compare with: from --compare if given, else a smaller size of the run;
    the target's baseline size if there, else the smallest."""
    earlier = [
        other
        for other in context["compare"] or context["sizes"]
        if other.get("engine", "postgresql") == target.engine and other["size"] < result["size"]
    ]
    if not earlier:
        raise NotMeasured("needs a smaller size in the run, or --compare")
    return next(
        (other for other in earlier if other["size"] == target.baseline),
        min(earlier, key=lambda other: other["size"]),
    )


def growth(target, result, context):
    base = growth_baseline(target, result, context)
    now, before = long_tail(result), long_tail(base)
    ratios, failed = {}, []
    for shape, figures in now.items():
        if shape in NOT_SHAPES or shape not in before:
            continue
        if figures["errors"] or figures["p50_ms"] is None or not before[shape]["p50_ms"]:
            failed.append(shape)
        else:
            ratios[shape] = figures["p50_ms"] / before[shape]["p50_ms"]
    if not ratios and not failed:
        raise NotMeasured("no shape measured at both sizes")
    source = context["compare_path"] or "this run"
    note = f"against {base['size']:,} items ({source})"
    if failed:
        return Reading(None, f"{note}; errors on " + ", ".join(sorted(failed)), failed=True)
    worst = max(ratios, key=ratios.get)
    elsewhere = []
    if base["size"] != target.baseline:
        elsewhere.append(f"compared with {base['size']:,}, set against {target.baseline:,}")
    if result["size"] != target.size:
        elsewhere.append(f"measured at {result['size']:,}, set at {target.size:,}")
    ratio = round(ratios[worst], 2)
    return Reading(ratio, f"{note}; most: {worst}", elsewhere="; ".join(elsewhere))


def publishing(result):
    try:
        return result["long_tail"][PAGE_CACHE]["publishing"]
    except (KeyError, TypeError):
        raise NotMeasured("not run (--publishing SECONDS)") from None


def readers(target, result, context):
    figures = publishing(result)["readers"]["shapes"]["all"]
    if figures["errors"] or figures[target.figure] is None:
        return Reading(figures[target.figure], f"{figures['errors']} errors", failed=True)
    return Reading(figures[target.figure], f"{figures['n']:,} requests")


def visible(target, result, context):
    publications = publishing(result)["editor"]["publications"]
    if not publications:
        raise NotMeasured("no publication (publishing ran under 10 s?)")
    times = [
        [publication[where] for where in ("list", "count", "feed")] for publication in publications
    ]
    unseen = sum(None in seen for seen in times)
    if unseen:
        return Reading(None, f"{unseen} of {len(times)} not seen within 30 s", failed=True)
    slowest = max(max(seen) for seen in times)
    return Reading(slowest, f"slowest of {len(times)} publications")


def memory(target, result, context):
    rss = list(result.get("workers_rss_mb", []))
    for mode in (result.get("long_tail") or {}).values():
        rss += mode.get("workers_rss_mb", [])
    if not rss:
        raise NotMeasured("no worker measured")
    return Reading(max(rss), "largest worker")


def demo_load(target, result, context):
    loaded = result.get("load_demo")
    if not loaded:
        raise NotMeasured("the database was reused: no demo data loaded in this run")
    reading = Reading(loaded["seconds"], f"{loaded['items_loaded']:,} items loaded")
    if loaded["items_loaded"] < target.size:
        reading.elsewhere = f"set at {target.size:,}"
    return reading


def counts(target, result, context):
    checked = [other for other in context["sizes"] if other.get("counts")]
    if not checked:
        raise NotMeasured("no counts checked")
    differences = sum(len(other["counts"]["differences"]) for other in checked)
    errors = sum(len(other["counts"]["errors"]) for other in checked)
    numbers = sum(other["counts"]["numbers"] for other in checked)
    note = f"{numbers:,} numbers at " + ", ".join(f"{other['size']:,}" for other in checked)
    if errors:
        return Reading(differences, f"{note}; {errors} pages not read", failed=True)
    return Reading(differences, note)


MEASURES = {
    "worst_shape": worst_shape,
    "overall": overall,
    "growth": growth,
    "readers": readers,
    "visible": visible,
    "memory": memory,
    "demo_load": demo_load,
    "counts": counts,
}


def judge(target, sizes, context):
    """One row: the target measured at its size, else at the largest size of its engine."""
    candidates = [
        result
        for result in sizes
        if not target.engine or result.get("engine", "postgresql") == target.engine
    ]
    row = {
        **{key: value for key, value in asdict(target).items() if key in ("name", "limit")},
        "unit": target.unit,
        "set_at": target.size,
        "engine": target.engine or "any",
        "at_size": None,
        "value": None,
        "status": NOT_MEASURED,
        "note": "",
    }
    if not candidates:
        row["note"] = f"no {target.engine} run"
        return row
    result = next(
        (result for result in candidates if result["size"] == target.size),
        max(candidates, key=lambda result: result["size"]),
    )
    row["at_size"] = result["size"]
    try:
        reading = MEASURES[target.measure](target, result, context)
    except NotMeasured as missing:
        row["note"] = str(missing)
        return row
    row["value"] = reading.value
    within = not reading.failed and reading.value <= target.limit
    elsewhere = reading.elsewhere
    if not elsewhere and target.size is not None and result["size"] != target.size:
        elsewhere = f"measured at {result['size']:,} items, set at {target.size:,}"
    if elsewhere:
        verdict = "would pass" if within else "would fail"
        row["note"] = "; ".join(filter(None, [reading.note, f"{elsewhere}: {verdict}"]))
    else:
        row["status"] = PASS if within else FAIL
        row["note"] = reading.note
    return row


def verdict(sizes, compare=None, compare_path=None):
    """Every target of TARGETS judged from the run's size results; `compare`, size results
    of an earlier run (--compare), is the baseline of growth."""
    context = {"sizes": sizes, "compare": compare, "compare_path": compare_path}
    rows = [judge(target, sizes, context) for target in TARGETS]
    return {
        "rows": rows,
        "compare": str(compare_path) if compare_path else None,
        **{
            status.replace(" ", "_"): sum(row["status"] == status for row in rows)
            for status in (PASS, FAIL, NOT_MEASURED)
        },
    }


def value_text(value, unit):
    if value is None:
        return "–"
    if unit == "×":
        return f"{value:.2f}×"
    text = f"{value:,.2f}" if isinstance(value, float) and value < 10 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def markdown(judged):
    lines = [
        "| Target (issue 10) | Limit | Measured | At items | Verdict | Note |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in judged["rows"]:
        at = f"{row['at_size']:,}" if row["at_size"] else "–"
        engine = " (SQLite)" if row["engine"] == "sqlite" else ""
        verdict_text = {PASS: "pass", FAIL: "**FAIL**"}.get(row["status"], row["status"])
        lines.append(
            f"| {row['name']}{engine} | ≤ {value_text(row['limit'], row['unit'])} "
            f"| {value_text(row['value'], row['unit'])} | {at} | {verdict_text} | {row['note']} |"
        )
    lines.append(
        f"\n{judged['pass']} passed, {judged['fail']} failed, "
        f"{judged['not_measured']} not measured."
    )
    return lines
