"""Summaries of latency samples. Standard library only: the load process imports it."""


def percentile(values, q):
    """The q-th percentile (0-100) with linear interpolation between closest ranks.

    The same definition as numpy's default and `statistics.quantiles(method="inclusive")`.
    None for no values.
    """
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values):
    return percentile(values, 50)


def summarise(seconds):
    """p50, p95, mean and max of latencies given in seconds, in milliseconds."""
    if not seconds:
        return {"p50_ms": None, "p95_ms": None, "mean_ms": None, "max_ms": None}
    return {
        "p50_ms": round(percentile(seconds, 50) * 1000, 2),
        "p95_ms": round(percentile(seconds, 95) * 1000, 2),
        "mean_ms": round(sum(seconds) / len(seconds) * 1000, 2),
        "max_ms": round(max(seconds) * 1000, 2),
    }


def tail(seconds):
    """n, p50, p95, p99 and max of latencies given in seconds, in milliseconds."""
    if not seconds:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    return {
        "n": len(seconds),
        **{f"p{q}_ms": round(percentile(seconds, q) * 1000, 1) for q in (50, 95, 99)},
        "max_ms": round(max(seconds) * 1000, 1),
    }


def by_shape(samples):
    """{shape: tail() and errors, ..., "all": over every sample} from [[shape, seconds,
    error or None]]; shapes in the order first seen. Errors are not timed."""
    grouped = {}
    for shape, elapsed, error in samples:
        grouped.setdefault(shape, []).append((elapsed, error))
    grouped["all"] = [(elapsed, error) for _shape, elapsed, error in samples]
    result = {}
    for shape, entries in grouped.items():
        errors = [error for _elapsed, error in entries if error is not None]
        result[shape] = {
            **tail([elapsed for elapsed, error in entries if error is None]),
            "errors": len(errors),
            "error_samples": sorted(set(errors))[:3],
        }
    return result
