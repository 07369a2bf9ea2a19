"""The newsroom's performance benchmark: `python -m benchmarks --help`.

Modules that run in the load-generating process (`load`, `stats`) use only the standard
library; `queries` runs in a child process with Django set up for one benchmark database.
"""
