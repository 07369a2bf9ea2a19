"""A Redis cache whose outage makes pages slower, never failing.

Every operation that cannot reach Redis (refused, timed out, out of memory) is answered as a
miss: reads give the default, writes and deletes do nothing, `incr()` and `decr()` count
from nothing, and `add()` stores nothing but answers True: a caller that uses it as a lock
(newsroom/counting.py) or a counter's start (rate limits) goes ahead alone rather than waiting for
a holder that cannot exist. After a failure the server is not asked again for
RETRY_SECONDS, so a Redis that hangs costs one timeout per process and pause, not one per
operation. Failures are logged at WARNING, once when the server goes away and at most once a
minute while it stays away; its return is logged too.

A value that can no longer be read (pickled by an older release whose class has moved or
gone, or cut short) is a miss too, logged once per process: a deploy that moves a class
must not take down every page until the cache is flushed.
"""

import functools
import logging
import pickle
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# How long a server that failed is left alone before it is asked again.
RETRY_SECONDS = 1.0
# The least time between two warnings about the same server while it stays away.
LOG_SECONDS = 60.0
# Short socket timeouts, so that a dead Redis costs milliseconds and a hung one half a second.
SOCKET_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


class Outage:
    """What this process knows of one Redis server being away (shared by the aliases and
    threads that use it)."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.retry_at = 0.0  # monotonic; 0 while the server answers
        self.logged_at = None
        self.failures = 0

    def skip(self):
        return self.retry_at and time.monotonic() < self.retry_at

    def failed(self, operation, error):
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + RETRY_SECONDS
            self.failures += 1
            if self.logged_at is not None and now - self.logged_at < LOG_SECONDS:
                return
            self.logged_at, failures, self.failures = now, self.failures, 0
        logger.warning(
            "Cache server %s unavailable (%s: %s; %s failure(s) since the last warning); "
            "serving without it.",
            self.location,
            operation,
            error,
            failures,
        )

    def answered(self):
        if not self.retry_at:
            return
        with self.lock:
            was_logged, self.retry_at, self.logged_at, self.failures = self.logged_at, 0.0, None, 0
        if was_logged is not None:
            logger.warning("Cache server %s is answering again.", self.location)


_outages = {}
_outages_lock = threading.Lock()


def outage(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


def degrading(fallback):
    """Run the operation unless its server is away; on a Redis error, give `fallback(...)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._outage.skip():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                self._outage.failed(method.__name__, error)
                return fallback(*args, **kwargs)
            self._outage.answered()
            return result

        return wrapper

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _true(*args, **kwargs):
    return True


def _default(key, default=None, version=None):
    return default


def _no_values(keys, version=None):
    return {}


def _not_set(data, timeout=DEFAULT_TIMEOUT, version=None):
    return list(data)


def _counted(key, delta=1, version=None):
    return delta


# What unpickling a value of another release can raise: a moved module or class, a changed
# class, a truncated or foreign value.
UNREADABLE = (pickle.UnpicklingError, ImportError, AttributeError, EOFError, TypeError, ValueError)
_unreadable_logged = False


def _unreadable(key, error):
    global _unreadable_logged
    if not _unreadable_logged:
        _unreadable_logged = True
        logger.warning("Cache value %s cannot be read (%r); taken as a miss.", key, error)


class TolerantClient(RedisCacheClient):
    """Django's Redis client, answering a value it cannot read as a miss."""

    def _loads(self, key, value, default):
        try:
            return self._serializer.loads(value)
        except UNREADABLE as error:
            _unreadable(key, error)
            return default

    def get(self, key, default):
        value = self.get_client(key).get(key)
        return default if value is None else self._loads(key, value, default)

    def get_many(self, keys):
        missing = object()
        values = zip(keys, self.get_client(None).mget(keys), strict=True)
        found = {key: self._loads(key, value, missing) for key, value in values if value}
        return {key: value for key, value in found.items() if value is not missing}


class DegradingRedisCache(RedisCache):
    """django.core.cache.backends.redis.RedisCache, answering a miss when Redis is away or a
    value cannot be read."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**SOCKET_OPTIONS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._class = TolerantClient
        self._outage = outage(",".join(self._servers))

    add = degrading(_true)(RedisCache.add)
    get = degrading(_default)(RedisCache.get)
    set = degrading(_nothing)(RedisCache.set)
    touch = degrading(_false)(RedisCache.touch)
    delete = degrading(_false)(RedisCache.delete)
    get_many = degrading(_no_values)(RedisCache.get_many)
    has_key = degrading(_false)(RedisCache.has_key)
    incr = degrading(_counted)(RedisCache.incr)
    set_many = degrading(_not_set)(RedisCache.set_many)
    delete_many = degrading(_nothing)(RedisCache.delete_many)
    clear = degrading(_false)(RedisCache.clear)
