"""Issue 10's verdict: each target passed, failed or not measured, growth within a run or
against an earlier one (--compare), and the table it prints."""

import json

from benchmarks import targets
from benchmarks.__main__ import failures, parse_args


def figures(p50, p95=None, p99=None, top=None, errors=0):
    return {
        "n": 20,
        "p50_ms": p50,
        "p95_ms": p95 or p50 * 2,
        "p99_ms": p99 or p50 * 3,
        "max_ms": top or p50 * 3,
        "errors": errors,
        "error_samples": ["HTTP 500"] if errors else [],
    }


def mode(shapes, publications=None, readers=None, rss=(180.0, 190.0)):
    measured = {"c1": {"shapes": {**shapes, "all": figures(30.0)}}, "workers_rss_mb": list(rss)}
    if publications is not None:
        measured["publishing"] = {
            "readers": {"shapes": {"all": readers or figures(50.0, 150.0, 280.0, 900.0)}},
            "editor": {"publications": publications},
        }
    return measured


def size(n, engine="postgresql", loaded=None, counts=True, **changes):
    """A size's results; `changes` replace shapes' figures (shape names with _ for space)."""
    shapes = {
        "field": figures(20.0),
        "pair": figures(30.0, 100.0, 200.0),
        "search common": figures(60.0, 150.0),
        "item": figures(8.0),
        "feed": figures(12.0),
    }
    publications = changes.pop("publications", None)
    readers = changes.pop("readers", None)
    rss = changes.pop("rss", (180.0, 190.0))
    shapes.update({name.replace("_", " "): value for name, value in changes.items()})
    result = {
        "size": n,
        "engine": engine,
        "workers_rss_mb": [],
        "long_tail": {"off": mode(shapes, publications, readers, rss)},
        "load_demo": loaded,
    }
    if counts:
        result["counts"] = {"pages": 60, "numbers": 300, "differences": [], "errors": []}
    return result


def seen(list_s=0.3, count=0.3, feed=0.4):
    return {"slug": "benchmark-publication-x", "list": list_s, "count": count, "feed": feed}


def row(judged, start):
    return next(entry for entry in judged["rows"] if entry["name"].startswith(start))


def test_every_target_passes_at_a_million_with_publishing_and_a_fresh_load():
    loaded = {"seconds": 241.0, "items_before": 0, "items_after": 1_000_001}
    loaded["items_loaded"] = 1_000_001
    judged = targets.verdict(
        [size(10_000), size(1_000_000, loaded=loaded, publications=[seen(), seen(feed=1.9)])]
    )
    statuses = {entry["name"]: entry["status"] for entry in judged["rows"]}
    assert statuses.pop("long tail p50, all shapes") == targets.NOT_MEASURED  # SQLite's
    assert set(statuses.values()) == {targets.PASS}
    assert row(judged, "every list shape p95")["value"] == 100.0
    assert row(judged, "every list shape p95")["note"] == "slowest: pair"
    assert row(judged, "a publication")["value"] == 1.9
    assert row(judged, "demo generation")["value"] == 241.0
    assert row(judged, "each shape")["value"] == 1.0
    assert (judged["pass"], judged["fail"], judged["not_measured"]) == (12, 0, 1)


def test_a_slow_shape_fails_its_target_with_value_and_limit():
    judged = targets.verdict([size(1_000_000, deep_page=figures(45.0, 130.0, 240.0))])
    p50, p95 = row(judged, "every list shape p50"), row(judged, "every list shape p95")
    assert (p50["value"], p50["limit"], p50["status"]) == (45.0, 40, targets.FAIL)
    assert p50["note"] == "slowest: deep page"
    assert (p95["value"], p95["status"]) == (130.0, targets.FAIL)
    assert row(judged, "every list shape p99")["status"] == targets.PASS


def test_errors_fail_a_target_whatever_the_latency():
    judged = targets.verdict([size(1_000_000, search_rare=figures(1.0, errors=2))])
    search = row(judged, "every search shape")
    assert (search["status"], search["note"]) == (targets.FAIL, "errors on search rare")


def test_publishing_slow_readers_and_a_publication_never_seen_fail():
    readers = figures(50.0, 200.0, 310.0, 1200.0)
    judged = targets.verdict(
        [size(1_000_000, publications=[seen(), seen(count=None)], readers=readers)]
    )
    assert row(judged, "readers while publishing p99")["status"] == targets.FAIL
    assert row(judged, "readers while publishing max")["value"] == 1200.0
    visible = row(judged, "a publication")
    assert (visible["status"], visible["note"]) == (targets.FAIL, "1 of 2 not seen within 30 s")


def test_targets_not_run_are_not_measured_rather_than_passed():
    judged = targets.verdict([size(1_000_000, counts=False)])
    for start in ("readers while", "a publication", "each shape", "demo generation", "counts"):
        assert row(judged, start)["status"] == targets.NOT_MEASURED, start
    assert "--publishing" in row(judged, "readers while publishing p99")["note"]
    assert "reused" in row(judged, "demo generation")["note"]


def test_a_smaller_run_is_not_measured_but_says_whether_it_would_pass():
    judged = targets.verdict([size(100_000, field=figures(50.0))])
    p50 = row(judged, "every list shape p50")
    assert (p50["status"], p50["at_size"], p50["value"]) == (targets.NOT_MEASURED, 100_000, 50.0)
    assert p50["note"].endswith("measured at 100,000 items, set at 1,000,000: would fail")
    assert row(judged, "item page")["note"].endswith("would pass")
    assert judged["pass"] == 1  # only counts, which hold at every size


def test_a_top_up_load_does_not_judge_the_demo_generation_of_a_million():
    loaded = {"seconds": 200.0, "items_before": 100_001, "items_after": 1_000_001}
    loaded["items_loaded"] = 900_000
    demo = row(targets.verdict([size(1_000_000, loaded=loaded)]), "demo generation")
    assert demo["status"] == targets.NOT_MEASURED
    assert demo["note"] == "900,000 items loaded; set at 1,000,000: would pass"


def test_a_worker_over_250_mb_fails_the_memory_target():
    memory = row(targets.verdict([size(1_000_000, rss=(120.0, 260.5))]), "worker memory")
    assert (memory["value"], memory["status"]) == (260.5, targets.FAIL)


def test_growth_compares_each_shape_with_the_smallest_size_of_the_run():
    judged = targets.verdict([size(10_000), size(1_000_000, item=figures(13.0))])
    growth = row(judged, "each shape")
    assert (growth["value"], growth["status"]) == (1.62, targets.FAIL)
    assert growth["note"] == "against 10,000 items (this run); most: item"


def test_growth_with_compare_uses_the_earlier_runs_ten_thousand(tmp_path):
    earlier = tmp_path / "ten-thousand.json"
    earlier.write_text(json.dumps({"sizes": [size(10_000, field=figures(16.0))]}))
    args = parse_args(["--sizes", "1000000", "--compare", str(earlier)])
    judged = targets.verdict([size(1_000_000, field=figures(20.0))], args.compared, args.compare)
    growth = row(judged, "each shape")
    assert (growth["value"], growth["status"]) == (1.25, targets.PASS)
    assert growth["note"] == f"against 10,000 items ({earlier}); most: field"
    assert judged["compare"] == str(earlier)


def test_growth_without_a_smaller_size_is_not_measured():
    growth = row(targets.verdict([size(1_000_000)]), "each shape")
    assert growth["status"] == targets.NOT_MEASURED
    assert "--compare" in growth["note"]


def test_sqlite_is_judged_at_a_hundred_thousand_and_postgresql_targets_not_measured():
    judged = targets.verdict([size(10_000, "sqlite"), size(100_000, "sqlite")])
    sqlite = row(judged, "long tail p50")
    assert (sqlite["at_size"], sqlite["value"], sqlite["status"]) == (100_000, 30.0, "pass")
    assert row(judged, "every list shape p50")["note"] == "no postgresql run"


def test_the_verdict_table_shows_limit_value_and_verdict():
    judged = targets.verdict([size(1_000_000, deep_page=figures(45.0))])
    table = "\n".join(targets.markdown(judged))
    assert "| every list shape p50 | ≤ 40 ms | 45 ms | 1,000,000 | **FAIL** |" in table
    assert "| long tail p50, all shapes (SQLite) | ≤ 100 ms | – | – | not measured |" in table
    assert "| each shape's p50 grows at most | ≤ 1.50× | – |" in table


def test_failed_targets_fail_the_run_only_with_fail_on_targets():
    results = {"sizes": [size(1_000_000, deep_page=figures(45.0))]}
    results["verdict"] = targets.verdict(results["sizes"])
    assert failures(results) == []
    assert failures(results, fail_on_targets=True) == [
        "targets failed (--fail-on-targets): every list shape p50"
    ]


def test_a_count_difference_fails_the_run_whatever_the_targets():
    results = {"sizes": [size(1_000_000)]}
    difference = {"path": "/en/news/", "what": "results", "shown": 3, "expected": 4}
    results["sizes"][0]["counts"]["differences"] = [difference]
    results["verdict"] = targets.verdict(results["sizes"])
    assert failures(results) == [
        "shown numbers differ from the plain counts:\n"
        "1,000,000: /en/news/ results: shown 3, counted 4"
    ]
