"""The child process that probes one database: `python -m benchmarks.probe OUTPUT.json`.

Django is set up from the environment (DJANGO_SETTINGS_MODULE, DATABASE_URL) before the
models are imported; the result is written to the file named on the command line.
"""

import json
import sys

import django

django.setup()

from benchmarks.queries import probe  # noqa: E402

if __name__ == "__main__":
    output, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 9
    with open(output, "w") as file:
        json.dump(probe(sql_runs=runs), file, indent=1)
