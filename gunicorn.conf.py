"""gunicorn's settings for production: `gunicorn osce_cms.wsgi` in the checkout reads this
file (command-line options win over it). Bounds on what one request may cost a worker; the
reverse proxy in front limits request bodies (README: "Production")."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))

# A worker silent for this long is killed and replaced: one stuck request can't hold it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5

# The request line (method, path and query string), the number of headers and the size of
# one header: beyond these gunicorn answers 400 before Django runs.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# Restart workers now and then, so that slow leaks never add up.
max_requests = 2000
max_requests_jitter = 200

# The index of the public news (newsroom/index.py) is read once, by the master, before the
# workers fork: every worker starts with it (also those replacing a recycled worker) and
# brings it up to date from the change log, instead of reading a million items itself.
preload_app = True


def when_ready(server):
    import gc
    import time

    from django.db import connections

    from newsroom import index

    started = time.monotonic()
    try:
        items = len(index.load())
    except Exception:  # the database away: each worker reads the index at its first request
        server.log.exception("newsroom index not read at start; workers will read it")
        items = None
    finally:
        connections.close_all()  # a worker must not share the master's connection
    if items is not None:
        server.log.info(
            "newsroom index read in %.2f s (%d items)", time.monotonic() - started, items
        )
    # Everything the master has made so far (Django, the index) lives as long as the workers:
    # out of the garbage collector's sight, a full collection in a worker walks only what the
    # worker made (about 20 ms less each time) and never writes to the pages it shares with
    # the master (copy-on-write).
    gc.freeze()


def post_worker_init(worker):
    import time

    from newsroom import index

    index.build_beside()  # never for seconds in a request: see newsroom/index.py
    if index._index is None:
        worker.log.warning("newsroom index missing at start: read beside the requests")
        return
    started = time.monotonic()
    try:
        items = len(index.current())
    except Exception:
        worker.log.exception("newsroom index not brought up to date at start")
        return
    worker.log.info("newsroom index ready in %.2f s (%d items)", time.monotonic() - started, items)


def post_request(worker, req, environ, resp):
    from newsroom import index

    index.give_back_memory_after_changes()  # after the answer: see newsroom/index.py
