import json
import secrets
import sys

from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from osce_cms.middleware import is_unavailable, unavailable_response

# What a readiness check may take of the database, in milliseconds.
READY_STATEMENT_TIMEOUT_MS = 500


@require_safe
@never_cache
def healthz(request):
    """Liveness, for load balancers and the benchmark's floor: answers without touching the
    database or the cache."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@require_safe
@never_cache
def readyz(request):
    """Readiness: 503 while the database cannot answer a trivial query in half a second.

    The cache is checked and reported too, but an unreachable cache keeps the site ready:
    pages are then served uncached (osce_cms/cache.py), slower but whole.
    """
    checks = {
        "database": "ok" if _database_answers() else "unavailable",
        "cache": "ok" if _cache_answers() else "unavailable",
    }
    return HttpResponse(
        json.dumps(checks),
        content_type="application/json",
        status=200 if checks["database"] == "ok" else 503,
    )


def _database_answers():
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET LOCAL statement_timeout = {READY_STATEMENT_TIMEOUT_MS}")
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache_answers():
    key = f"readyz:{secrets.token_hex(8)}"  # one per check: probes may run at once
    cache.set(key, True, 5)
    return cache.get(key) is True


def server_error(request):
    """handler500: an unavailable database raised outside a view (in a middleware) still
    gets the 503 page; anything else the 500 page."""
    if is_unavailable(sys.exc_info()[1]):
        return unavailable_response()
    return defaults.server_error(request)
