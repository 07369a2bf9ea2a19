"""The child processes with Django set up for one benchmark database.

    python -m benchmarks.probe OUTPUT.json [RUNS]   URLs, query counts, the list's raw SQL
    python -m benchmarks.probe space OUTPUT.json     the facet space the long tail draws from
    python -m benchmarks.probe check PORT URLS.json OUTPUT.json
        the numbers on the /news/ pages of URLS (a JSON list of paths), as gunicorn on PORT
        serves them, against plain ORM counts of the same filters

Django is set up from the environment (DJANGO_SETTINGS_MODULE, DATABASE_URL) before the
models are imported; the result is written to the file named on the command line.
"""

import http.client
import json
import os
import sys

import django

# The probe's own queries (choosing words, the plain counts it checks against) read whole
# tables at a million items: no statement timeout for them (the server keeps its own).
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "0")
django.setup()

from benchmarks import counts, longtail  # noqa: E402
from benchmarks.queries import probe  # noqa: E402


def check_counts(port, paths):
    """{"pages", "numbers", "differences", "errors"} over the pages of `paths`."""
    result = {"pages": 0, "numbers": 0, "differences": [], "errors": []}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for path in paths:
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            text = response.read().decode()
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            result["errors"].append(f"{path}: {type(exc).__name__}: {exc}")
            continue
        if response.status != 200:
            result["errors"].append(f"{path}: HTTP {response.status}")
            continue
        result["pages"] += 1
        result["numbers"] += 1 + len(counts.sampled_choices(counts.parse_page(text)["choices"]))
        result["differences"].extend(counts.check(path, text))
    connection.close()
    return result


def main(argv):
    if argv[0] == "space":
        found, output = longtail.facet_space(), argv[1]
    elif argv[0] == "check":
        paths = json.loads(open(argv[2]).read())
        found, output = check_counts(int(argv[1]), paths), argv[3]
    else:
        found, output = probe(sql_runs=int(argv[1]) if len(argv) > 1 else 9), argv[0]
    with open(output, "w") as file:
        json.dump(found, file, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
