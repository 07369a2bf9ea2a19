"""When the public news pages change, for caches and conditional GET.

What visitors see changes only when news or taxonomy is saved or deleted, and when a scheduled
item's publication time comes. The *publication state* names that: a random token, replaced
on every such change, with the time of the change (for Last-Modified) and the next scheduled
publication time, at which the state is replaced by itself. Everything cached for the public
pages is keyed by the token, so a change makes it unreachable at once; conditional GET answers
304 while the token a client saw is still the current one.

The state lives in the cache framework (Redis in production, so it is shared by every
worker). It is replaced by `changed()`, once at once and again when the transaction commits,
so that no request can keep what it read before the commit under the new token. What calls
`changed()` is in one place, newsroom/invalidation.py: receivers of the model signals of
everything the public pages show (news items, their relations and attachments, the terms),
which leave the state alone when what changed belongs to a hidden item. Writes that send no
model signal (QuerySet.update(), bulk_create(), COPY, a restore) reach it by sending
news.signals.content_changed, or by calling `changed()`; one that does neither (raw SQL)
shows at the latest after STATE_TIMEOUT. Nothing a visitor or an editor reads replaces it.

Outages degrade: with the database away, the latest state is kept (cached pages go on being
served) until a new one can be made. With the cache away, a process that makes a state the
cache does not keep (a change it could not record) trusts no cached state until the cache
has kept a new one: the state from before the outage must not outlive it.
"""

import functools
import hashlib
import logging
import math
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Min
from django.http import HttpResponseNotModified, QueryDict
from django.template.utils import get_app_template_dirs
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from news.models import NewsItem
from newsroom import throttle

STATE_KEY = "news:publication-state"
# The Last-Modified of the latest state, for the next one when the latest is gone.
MODIFIED_KEY = "news:publication-modified"
# The latest state, kept with no expiry: what is served while the database is away.
LATEST_KEY = "news:publication-latest"
# The longest a state lives, a bound on how long a write that sends no signal stays unseen.
STATE_TIMEOUT = 15 * 60
# How long a reader making a new state waits for a lock on the news table.
STATE_LOCK_TIMEOUT_MS = 300

# What a shared cache (a CDN) may keep an anonymous page for without asking again: short,
# because a withdrawal must disappear within seconds; asking again costs one 304.
PUBLIC_MAX_AGE = getattr(settings, "NEWS_PUBLIC_MAX_AGE", 10)
# The cache alias that keeps whole pages for anonymous visitors, when it is configured.
PAGES = "pages"


@dataclass(frozen=True)
class State:
    token: str
    modified: int  # seconds since the epoch, for Last-Modified
    next_change: datetime | None  # the next scheduled publication, when this state ends

    def key(self, *parts):
        """A cache key for something computed in this state from `parts`."""
        digest = hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()
        return f"news:{self.token}:{digest}"

    def timeout(self, now=None):
        """Seconds what is cached in this state may be kept: not past its end."""
        if self.next_change is None:
            return STATE_TIMEOUT
        left = (self.next_change - (now or timezone.now())).total_seconds()
        return max(1, min(STATE_TIMEOUT, math.ceil(left)))

    def etag(self, *parts):
        digest = hashlib.sha1(
            repr((self.token, *parts)).encode(), usedforsecurity=False
        ).hexdigest()
        return quote_etag(digest[:32])


logger = logging.getLogger(__name__)

# True while this process has made a state that the cache did not keep.
_unsaved = False
# True while this process serves the latest state because it cannot make a new one.
_keeping = False


def current(now=None):
    """The publication state, made anew after a change or when a scheduled item goes live.

    While the database is away the latest state is kept; while a state of this process is
    unsaved (the cache was away), a new one is made until the cache keeps it.
    """
    now = now or timezone.now()
    if not _unsaved:
        state = cache.get(STATE_KEY)
        if state is not None and (state.next_change is None or state.next_change > now):
            return state
    global _keeping
    try:
        with _brief_lock_wait():
            state = _new_state(now)
    except (OperationalError, InterfaceError) as error:
        latest = cache.get(LATEST_KEY)
        if latest is None:
            raise
        if not _keeping:
            logger.warning("Keeping the latest publication state without the database: %s", error)
        _keeping = True
        return latest
    _keeping = False
    return state


@contextmanager
def _brief_lock_wait():
    """A reader waits for a locked table (a migration's) briefly: the state's one indexed query
    takes milliseconds, and the latest state is kept when it cannot be read, so the request's
    own query is its only long wait. A writer's transaction keeps its own timeout."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = %s", [STATE_LOCK_TIMEOUT_MS])
        yield


def _new_state(now):
    scheduled = NewsItem.objects.scheduled().aggregate(next=Min("published_at"))["next"]
    # Later than the Last-Modified of any state a visitor may have seen: one second later
    # than the previous state if it was served (HTTP dates have whole seconds).
    found = cache.get_many([STATE_KEY, MODIFIED_KEY])
    previous = found.get(STATE_KEY)
    if previous is None:
        floor = found.get(MODIFIED_KEY, 0) + 1
    else:
        floor = previous.modified + (1 if cache.get(_served_key(previous)) else 0)
    modified = max(int(now.timestamp()), floor)
    state = State(token=secrets.token_hex(8), modified=modified, next_change=scheduled)
    cache.set_many({MODIFIED_KEY: modified, LATEST_KEY: state}, None)
    cache.set(STATE_KEY, state, state.timeout(now))
    # Kept, unless the cache is away (it then answers None): another process's state made at
    # the same time is as new, one from before the outage is older.
    kept = cache.get(STATE_KEY)
    global _unsaved
    if (kept is None or kept.modified < modified) and not _unsaved:
        logger.warning("The cache did not keep the new publication state; retrying.")
    _unsaved = kept is None or kept.modified < modified
    return state


def _served_key(state):
    return f"news:served:{state.token}"


# Tokens of the states this process has recorded as served.
_served = set()


def _record_served(state):
    if state.token not in _served:
        cache.set(_served_key(state), True, state.timeout())
        if len(_served) > 1000:
            _served.clear()
        _served.add(state.token)


def changed():
    """Replace the publication state: now, and again once the current transaction commits.

    The writer makes the new state (one query) so that readers find it made. Called by the
    receivers of newsroom/invalidation.py, and after a write that sends no signal.
    """
    _new_state(timezone.now())
    transaction.on_commit(lambda: _new_state(timezone.now()))


# Conditional GET.


@functools.cache
def release():
    """Changes with the templates and static files, so that a deploy changes every ETag."""
    folders = [*settings.STATICFILES_DIRS]
    folders += [folder for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    # The project's own apps' templates (newsroom/templates/), not those of installed packages.
    folders += [
        folder
        for folder in get_app_template_dirs("templates")
        if Path(folder).is_relative_to(settings.BASE_DIR)
    ]
    newest = 0
    for folder in folders:
        for path in Path(folder).rglob("*"):
            newest = max(newest, path.stat().st_mtime_ns)
    return str(newest)


def respond(request, state, build, *parts, parameters=None):
    """The response of a public page, made by `build()` from `parts` (what besides its
    address it depends on) in the publication `state`.

    Only the query `parameters` the page reads count (by default the news list's, which its
    feeds share): request.GET is replaced by its canonical form (canonical_query()) before
    anything is keyed, so that neither an unknown parameter (`?utm_source=…`, `?x=<random>`)
    nor the order of the parameters makes another page.

    The page gets an ETag and a Last-Modified from the state, and a 304 instead when the
    client's copy is current (If-None-Match, else If-Modified-Since). Anonymous visitors get
    `Cache-Control: public` with a short max-age, and the page is kept in the "pages" cache
    (if settings.CACHES has one) until the state changes; signed-in users get
    `private, no-cache` and a page made anew. A page to be made may be refused first by the
    rate limits (newsroom/throttle.py). Responses other than 200 get none of this, and never a
    304: a matching ETag is answered at once (ETags are given only with a 200, and the page is
    the same while the state is), `If-None-Match: *` and If-Modified-Since only once the page
    is known to be a 200.
    """
    _record_served(state)
    request.GET = canonical_query(request.GET, parameters)
    anonymous = not request.user.is_authenticated
    query = request.GET.urlencode()
    address = request.build_absolute_uri(request.path) + (f"?{query}" if query else "")
    etag = state.etag(release(), anonymous, address, *parts)
    safe = request.method in ("GET", "HEAD")
    if safe and _etag_matches(request, etag):
        response = HttpResponseNotModified()
    else:
        pages = caches[PAGES] if safe and anonymous and PAGES in settings.CACHES else None
        key = state.key("page", etag)
        response = pages.get(key) if pages else None
        if response is None:
            response = throttle.limited(request)
            if response is None:
                response = build()
            if response.status_code != 200:
                return response
            if pages and not response.cookies and not response.streaming:
                pages.set(key, response, state.timeout())
        if safe and _is_current(request, etag, state.modified):
            response = HttpResponseNotModified()
    response["ETag"] = etag
    # Never later than now (RFC 9110): after a burst of changes `modified` can be ahead.
    response["Last-Modified"] = http_date(min(state.modified, int(time.time())))
    if anonymous:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


@functools.cache
def list_parameters():
    """The query parameters of /news/ and its feeds (newsroom/filters.py), with page, sort and
    whether other languages are shown."""
    from newsroom.facets import OTHERS
    from newsroom.filters import NewsFilter

    return frozenset([*NewsFilter.base_filters, "page", "sort", OTHERS])


def canonical_query(params, parameters=None):
    """`params` (a QueryDict) with only `parameters` (default: list_parameters()), sorted by
    name and then value, without empty or repeated values (each means no filter, or the
    same filter)."""
    parameters = list_parameters() if parameters is None else parameters
    canonical = QueryDict(mutable=True)
    for name in sorted(set(params) & set(parameters)):
        values = sorted({value for value in params.getlist(name) if value.strip()})
        if values:
            canonical.setlist(name, values)
    canonical._mutable = False
    return canonical


def _etag_matches(request, etag):
    """Whether If-None-Match names `etag` itself (`*` says nothing about this page)."""
    if_none_match = request.headers.get("If-None-Match")
    return if_none_match is not None and etag in {
        tag.strip().removeprefix("W/") for tag in if_none_match.split(",")
    }


def _is_current(request, etag, modified):
    """Whether the client's copy of a page known to be a 200 is current: If-None-Match when
    given (`*` included), else If-Modified-Since, ignored when it is in the future."""
    if request.headers.get("If-None-Match") is not None:
        return request.headers["If-None-Match"].strip() == "*" or _etag_matches(request, etag)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since <= time.time()
