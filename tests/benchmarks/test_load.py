"""The load process: bounded, stops by itself, and counts every answer but 200 as an error."""

import io
import json

import pytest

from benchmarks import load
from benchmarks.server import free_port


def spec(port, **overrides):
    return {
        "host": "127.0.0.1",
        "port": port,
        "paths": {"good": "/ok/", "broken": "/broken/"},
        "requests": 12,
        "concurrency": 3,
        "warmup": 2,
        "time_limit": 30,
        **overrides,
    }


def test_each_phase_sends_exactly_the_requests_asked_for(server):
    good = load.measure(spec(server))["good"]
    assert good["path"] == "/ok/"
    assert good["warmup_errors"] == 0
    assert good["sequential"]["requests"] == good["sequential"]["ok"] == 12
    assert good["concurrent"]["requests"] == good["concurrent"]["ok"] == 12
    assert good["concurrent"]["concurrency"] == 3
    assert good["sequential"]["p50_ms"] <= good["sequential"]["p95_ms"]
    assert good["concurrent"]["requests_per_second"] > 0


def test_an_answer_other_than_200_is_an_error_with_a_sample(server):
    broken = load.measure(spec(server))["broken"]
    assert broken["warmup_errors"] == 2
    assert broken["sequential"]["errors"] == 12
    assert broken["sequential"]["ok"] == 0
    assert broken["sequential"]["p50_ms"] is None
    assert broken["sequential"]["error_samples"] == ["HTTP 500"] * load.MAX_ERROR_SAMPLES


def test_a_phase_stops_at_its_time_limit(server):
    good = load.measure(spec(server, time_limit=0))["good"]
    assert good["sequential"]["requests"] == 0
    assert good["concurrent"]["requests"] == 0


def test_a_refused_connection_is_an_error_not_a_crash():
    result = load.measure(spec(free_port(), paths={"gone": "/ok/"}, requests=3))["gone"]
    assert result["sequential"]["errors"] == 3
    assert result["sequential"]["error_samples"][0].startswith("ConnectionRefusedError")


def test_results_are_json_on_stdout(server, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(spec(server, requests=2))))
    load.main()
    assert set(json.loads(capsys.readouterr().out)) == {"good", "broken"}


def test_it_only_talks_to_this_machine(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(spec(80, host="example.org"))))
    with pytest.raises(SystemExit):
        load.main()
