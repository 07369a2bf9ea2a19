"""A database that is away or overloaded answers a styled 503 with Retry-After, not a 500."""

import logging
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait: about what a restart or a failover takes.
RETRY_AFTER = 10
# The least time between two warnings in one process, while the database stays away.
LOG_SECONDS = 10.0

# PostgreSQL error classes (SQLSTATE) of a server that is away, full, or cancelled the
# statement on a timeout or a lock: connection exception, transaction rollback (deadlock,
# serialization), insufficient resources (too many clients), lock not available, operator
# intervention (query cancelled, shutdown), system error.
UNAVAILABLE_CLASSES = ("08", "40", "53", "55P03", "57", "58")
# SQLite says so in its message: a writer holds the database longer than its busy timeout.
UNAVAILABLE_MESSAGES = ("database is locked", "unable to open database")


def is_unavailable(error):
    """True for errors that say the database cannot serve now, not that the code is wrong."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    code = getattr(error.__cause__, "pgcode", None)
    if code:
        return code.startswith(UNAVAILABLE_CLASSES)
    vendor_error = error.__cause__
    if vendor_error is not None and type(vendor_error).__module__.startswith("psycopg"):
        return True  # no code: the client could not reach the server
    return any(message in str(error) for message in UNAVAILABLE_MESSAGES)


def unavailable_response():
    """The styled 503 page; it needs no database and no request."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """Answers the view's unavailable-database errors; osce_cms.views.server_error those
    raised elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.logged_at = None
        self.unlogged = 0

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_unavailable(exception):
            return None
        now = time.monotonic()
        if self.logged_at is None or now - self.logged_at >= LOG_SECONDS:
            logger.warning(
                "Database unavailable, answering 503 (%s %s: %s; %s more since the last "
                "warning).",
                request.method,
                request.path,
                exception,
                self.unlogged,
            )
            self.logged_at, self.unlogged = now, 0
        else:
            self.unlogged += 1
        return unavailable_response()
