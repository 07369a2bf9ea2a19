"""Percentiles as the benchmark reports them: linear between closest ranks."""

import statistics

import pytest

from benchmarks.stats import by_shape, median, percentile, summarise, tail


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([4, 1, 3, 2]) == 2.5


def test_p95_of_one_to_a_hundred_interpolates_between_ranks():
    assert percentile(range(1, 101), 95) == pytest.approx(95.05)


@pytest.mark.parametrize("q", [5, 25, 50, 75, 95, 99])
def test_percentiles_agree_with_the_standard_librarys_inclusive_quantiles(q):
    samples = [0.012, 0.019, 0.011, 0.25, 0.014, 0.013, 0.018, 0.017, 0.016, 0.015, 0.02]
    expected = statistics.quantiles(samples, n=100, method="inclusive")[q - 1]
    assert percentile(samples, q) == pytest.approx(expected)


def test_extremes_are_the_smallest_and_largest_value():
    assert percentile([3, 9, 5], 0) == 3
    assert percentile([3, 9, 5], 100) == 9


def test_one_sample_is_every_percentile():
    assert percentile([0.2], 95) == 0.2


def test_no_samples_have_no_percentile():
    assert percentile([], 50) is None
    assert summarise([]) == {"p50_ms": None, "p95_ms": None, "mean_ms": None, "max_ms": None}


def test_a_percentile_outside_zero_to_a_hundred_is_refused():
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


def test_summary_is_in_milliseconds():
    assert summarise([0.010, 0.020, 0.030]) == {
        "p50_ms": 20.0,
        "p95_ms": 29.0,
        "mean_ms": 20.0,
        "max_ms": 30.0,
    }


def test_the_tail_has_p99_and_the_number_of_samples():
    figures = tail([i / 1000 for i in range(1, 101)])
    assert figures == {"n": 100, "p50_ms": 50.5, "p95_ms": 95.0, "p99_ms": 99.0, "max_ms": 100.0}


def test_figures_per_shape_and_overall_errors_untimed():
    samples = [
        ["field", 0.010, None],
        ["field", 0.030, None],
        ["item", 0.005, None],
        ["item", 9.0, "HTTP 500"],
    ]
    found = by_shape(samples)
    assert list(found) == ["field", "item", "all"]
    assert found["field"]["p50_ms"] == 20.0
    assert found["item"]["n"] == 1
    assert found["item"]["errors"] == 1
    assert found["item"]["error_samples"] == ["HTTP 500"]
    assert found["all"]["n"] == 3
    assert found["all"]["max_ms"] == 30.0
    assert found["all"]["errors"] == 1


def test_no_samples_have_no_tail():
    assert tail([])["p99_ms"] is None
