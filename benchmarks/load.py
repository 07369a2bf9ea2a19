"""The load generator, run as its own process: `python -m benchmarks.load < spec.json`.

Standard library only, so that it measures the site and not a client library. The spec on
stdin names the host, port and paths; the results go to stdout as JSON. For each path: a few
warm-up requests (not counted), then a bounded number at concurrency 1 for latency, then the
same number spread over `concurrency` threads for throughput. Each phase also stops at its
time limit, so a slow page cannot make the run endless. Any answer but 200 is an error.

A spec with "urls" instead of "paths" is the long tail: each URL asked once (or round and
round for "seconds"), at "concurrency"; every request's shape, time and error is returned.
"""

import http.client
import json
import sys
import threading
import time

from benchmarks.stats import summarise

MAX_ERROR_SAMPLES = 5


class Connection:
    """One keep-alive HTTP connection; reconnects when the server closes it."""

    def __init__(self, host, port, timeout):
        self.http = http.client.HTTPConnection(host, port, timeout=timeout)

    def get(self, path):
        """(seconds, error or None) for one GET, the body read to its end."""
        start = time.perf_counter()
        try:
            self.http.request("GET", path)
            response = self.http.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            self.http.close()
            return time.perf_counter() - start, f"{type(exc).__name__}: {exc}"
        elapsed = time.perf_counter() - start
        if status != 200:
            return elapsed, f"HTTP {status}"
        return elapsed, None

    def close(self):
        self.http.close()


class Tally:
    """Latencies and errors of one phase, shared by its threads."""

    def __init__(self, budget, deadline):
        self.lock = threading.Lock()
        self.budget = budget
        self.deadline = deadline
        self.latencies = []
        self.errors = 0
        self.error_samples = []

    def take(self):
        """Whether a thread may send one more request."""
        with self.lock:
            if self.budget <= 0 or time.monotonic() >= self.deadline:
                return False
            self.budget -= 1
            return True

    def record(self, seconds, error):
        with self.lock:
            if error is None:
                self.latencies.append(seconds)
            else:
                self.errors += 1
                if len(self.error_samples) < MAX_ERROR_SAMPLES:
                    self.error_samples.append(error)


def run_phase(host, port, path, requests, concurrency, time_limit, timeout):
    tally = Tally(requests, time.monotonic() + time_limit)

    def worker():
        connection = Connection(host, port, timeout)
        try:
            while tally.take():
                tally.record(*connection.get(path))
        finally:
            connection.close()

    seconds = in_threads(worker, concurrency)
    ok = len(tally.latencies)
    return {
        "concurrency": concurrency,
        "requests": ok + tally.errors,
        "ok": ok,
        "errors": tally.errors,
        "error_samples": tally.error_samples,
        "seconds": round(seconds, 3),
        "requests_per_second": round(ok / seconds, 1) if seconds > 0 else None,
        **summarise(tally.latencies),
    }


def in_threads(worker, concurrency):
    """Run `worker` in `concurrency` threads at once; the seconds until the last ends."""
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start


def run_list(host, port, urls, concurrency, timeout, seconds=None):
    """Each of `urls` ([{"shape", "path"}]) asked once, by `concurrency` threads taking the
    next one in turn; with `seconds`, the list is asked round and round until then.

    {"samples": [[shape, seconds, error]], "seconds": elapsed}."""
    lock = threading.Lock()
    position = iter(range(len(urls) if seconds is None else 10**12))
    deadline = time.monotonic() + seconds if seconds is not None else None
    samples = []

    def worker():
        connection = Connection(host, port, timeout)
        try:
            while True:
                with lock:
                    index = next(position, None)
                if index is None or (deadline is not None and time.monotonic() >= deadline):
                    return
                entry = urls[index % len(urls)]
                elapsed, error = connection.get(entry["path"])
                with lock:
                    samples.append([entry["shape"], elapsed, error])
        finally:
            connection.close()

    return {"samples": samples, "seconds": round(in_threads(worker, concurrency), 3)}


def measure(spec):
    host, port = spec["host"], spec["port"]
    timeout = spec.get("timeout", 120)
    results = {}
    for name, path in spec["paths"].items():
        warmup = run_phase(host, port, path, spec["warmup"], 1, spec["time_limit"], timeout)
        results[name] = {
            "path": path,
            "warmup_errors": warmup["errors"],
            "sequential": run_phase(
                host, port, path, spec["requests"], 1, spec["time_limit"], timeout
            ),
            "concurrent": run_phase(
                host,
                port,
                path,
                spec["requests"],
                spec["concurrency"],
                spec["time_limit"],
                timeout,
            ),
        }
    return results


def main():
    spec = json.load(sys.stdin)
    if spec["host"] not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("The load generator only talks to this machine.")
    if "urls" in spec:  # the long tail
        result = run_list(
            spec["host"],
            spec["port"],
            spec["urls"],
            spec["concurrency"],
            spec.get("timeout", 120),
            spec.get("seconds"),
        )
    else:
        result = measure(spec)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
