"""The index of the public news: which published item has which facet value, as compressed
bitmaps (pyroaring, the CRoaring binding search engines use for this) in each process's
memory. The list's facet counts, its number of results and its pages are then set operations
of microseconds at a million items, where counting in the database took seconds.

The database stays the source of truth. A process reads the index from it once (gunicorn's
master does, before its workers fork: gunicorn.conf.py) and keeps it exact with the change
log (newsroom.models.Change): every write that changes what the public sees records, in its
own transaction, the items it changed (newsroom/invalidation.py, `record()`), and each read
of the index first reads the log's new rows and reads those items again (one query when
nothing changed). A scheduled item's time coming changes what is public with no write: the
index knows when each scheduled item is due and reads it again then.

Items are numbered in the order of the list, oldest first (date issued, then id): a page of
results is a slice of the results' bitmap. Items read again after the index was built are
numbered after all the others and merged into their place when a page is read.

Each item's language is one more column (the language facet), and its translation group
another: a list in one language that includes the other languages shows, of each group with
no member in it, one member (its first published one, the original), and of each group with a
member in it only that member. Per interface language, `hidden` holds the other members of
groups with several published ones, kept exact group by group as items change (scope()).

Everything counted goes through the facets' table (newsroom/facets.py FACETS): a facet's
values are read from its relation's link table (each parameter's own, where it names one:
the single meetings' table of the meetings app), its structures (lead and supporting
issuers) or its column. The link tables are the facets' relations (facets.RELATION_BY_NAME),
those of the news app and those other apps keep of items.
"""

import ctypes
import datetime
import io
import logging
import threading
import time

import numpy as np
from django.db import InterfaceError, connection, connections, transaction
from django.db.models import BigIntegerField, Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from pyroaring import BitMap

from news import languages as news_languages
from news.models import NewsItem
from newsroom import words as index_words
from newsroom.facets import FACETS, ISSUERS, RELATION_BY_NAME
from newsroom.models import Change

logger = logging.getLogger(__name__)

# Where each facet's values come from: a relation's name, ISSUERS (newsroom/facets.py) or a
# column, such as YEAR.
YEAR = "year"
LANGUAGE = "language"
# Change log rows are read again for this long after they were first seen: a transaction
# that recorded a change commits within it (requests time out after 30 s), so a row that
# appears late, behind one already seen, is still found.
LOG_WINDOW = 300
# A process that has not read the log for this long may have missed pruned rows: it reads
# the whole index again.
STALE_AFTER = (Change.KEPT_DAYS - 1) * 86400
_NEW_CHANGES = f"SELECT id, item FROM {Change._meta.db_table} WHERE id > %s ORDER BY id"  # noqa: S608
# From this many items on, reading the whole index again is done beside the requests.
RELOAD_BESIDE = 100_000
# Room made in the table of positions by id when a new item's id is beyond it.
GROWTH = 4096
# Days are counted from 1970; keys stay positive for any date a DateField holds.
_DAY_OFFSET = 1 << 20


# Where the facets' values come from (Facet.source()), each once.
SOURCES = tuple(dict.fromkeys(facet.source(param) for facet in FACETS for param in facet.params))
# The sources read from a link table, with it: the facets' relations, and the supporting
# issuers, whose items are the issuers' with the lead ones.
LINKED = tuple(
    (name, RELATION_BY_NAME["supporting_structures" if name == ISSUERS else name])
    for name in SOURCES
    if name in RELATION_BY_NAME or name == ISSUERS
)


def item_key(day, pk):
    """The sort key of an item: its date issued (days since 1970), then its id."""
    return ((int(day) + _DAY_OFFSET) << 32) | int(pk)


def _day(date):
    return (date - datetime.date(1970, 1, 1)).days


# Reading rows fast: numbers only, by COPY on PostgreSQL (parsed by numpy), a cursor elsewhere.

# An item's date issued in days since 1970, and its publication time in microseconds.
_DAYS = {
    "postgresql": '("news_newsitem"."date_issued" - DATE \'1970-01-01\')',
    "sqlite": 'CAST(julianday("news_newsitem"."date_issued") - 2440587.5 AS INTEGER)',
}
_MICROSECONDS = {
    "postgresql": 'CAST(EXTRACT(EPOCH FROM "news_newsitem"."published_at") * 1000000 AS BIGINT)',
    "sqlite": (
        'CAST(strftime(\'%%s\', "news_newsitem"."published_at") AS INTEGER) * 1000000'
        " + CAST(COALESCE(NULLIF(substr(\"news_newsitem\".\"published_at\", 21, 6), ''), '0')"
        " AS INTEGER)"
    ),
}
KINDS = [value for value, _label in NewsItem.Kind.choices]
LANGUAGES = news_languages.news_codes()


def _numbers(queryset, fields):
    """The values of `fields` (all integers, none null) of `queryset`'s rows: an array with a
    row per row."""
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.StringIO()
            query = cursor.mogrify(sql, params).decode()
            cursor.copy_expert(f"COPY ({query}) TO STDOUT", buffer)
            found = np.fromstring(buffer.getvalue(), dtype=np.int64, sep=" ")
        else:
            cursor.execute(sql, params)
            found = np.array(cursor.fetchall(), dtype=np.int64)
    return found.reshape(-1, len(fields))


def _published_rows():
    """(id, day issued, kind's number in KINDS, lead issuer, publication time, language's
    number in LANGUAGES, translation group) of every published item, in list order, oldest
    first."""
    vendor = connection.vendor if connection.vendor in _DAYS else "sqlite"
    published = (
        NewsItem.objects.published()
        .order_by("date_issued", "id")
        .annotate(
            index_day=RawSQL(_DAYS[vendor], ()),
            index_kind=Case(
                *(When(kind=kind, then=Value(number)) for number, kind in enumerate(KINDS)),
                default=Value(-1),
                output_field=IntegerField(),
            ),
            index_time=RawSQL(_MICROSECONDS[vendor], ()),
            index_language=Case(
                *(When(language=code, then=Value(n)) for n, code in enumerate(LANGUAGES)),
                default=Value(-1),
                output_field=IntegerField(),
            ),
            index_group=Coalesce(F("translation_group"), F("id"), output_field=BigIntegerField()),
        )
    )
    return _numbers(
        published,
        [
            "id",
            "index_day",
            "index_kind",
            "lead_structure_id",
            "index_time",
            "index_language",
            "index_group",
        ],
    )


def _bitmap(positions):
    return BitMap(np.asarray(positions, dtype=np.uint32))


def _grouped(positions, values):
    """{value: BitMap of the positions having it}."""
    found = {}
    if len(positions) == 0:
        return found
    order = np.argsort(values, kind="stable")
    values, positions = values[order], positions[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    for start, stop in zip(starts, [*starts[1:], len(values)], strict=True):
        value = values[start]
        found[value.item() if isinstance(value, np.generic) else value] = _bitmap(
            np.sort(positions[start:stop])
        )
    return found


class Pending:
    """Scheduled items: {id: publication time}, and the first time due (kept, not searched
    for at every request: there may be thousands)."""

    def __init__(self, times):
        self.times = dict(times)
        self.first = min(self.times.values(), default=None)

    def add(self, pk, when):
        self.times[pk] = when
        self.first = when if self.first is None else min(self.first, when)

    def discard(self, pk):
        if self.times.pop(pk, None) is not None:
            self.first = min(self.times.values(), default=None)

    def due(self, now):
        return [pk for pk, when in self.times.items() if when <= now]


class NewsIndex:
    """The published items' facet values, numbered in list order (see the module)."""

    def __init__(self):
        self.lock = threading.RLock()
        self.live = BitMap()
        self.values = {name: {} for name in SOURCES}
        self.base_keys = np.zeros(0, dtype=np.int64)
        self.base_ids = np.zeros(0, dtype=np.int64)
        self.base_published = np.zeros(0, dtype=np.int64)  # microseconds since 1970
        self.base_groups = np.zeros(0, dtype=np.int64)  # translation groups
        self.extra_groups = []
        # {interface language: the positions a list in it that includes the other languages
        # leaves out}: see the module.
        self.hidden = {}
        self.by_published = np.zeros(0, dtype=np.int32)  # base positions, most recent first
        self.extra_keys, self.extra_ids, self.extra_published = [], [], []
        self.position_of = np.full(1, -1, dtype=np.int32)
        self.pending = Pending({})
        self.words = None  # newsroom/words.py, on PostgreSQL
        self.reloading = False
        self.derived = {}  # memo(): what is worked out from the bitmaps, until they change
        self.floor = 0  # change log rows up to here are applied
        self.seen = {}  # {change log id above the floor: time first seen}
        self.polled = time.monotonic()

    # Building.

    @classmethod
    def build(cls):
        """The index of the published items, read from the database."""
        index = cls()
        index._read()
        return index

    def _read(self):
        """Read everything, and the change log's last row, in one transaction; from then on
        the log's rows after it are new."""
        with transaction.atomic():  # one snapshot (PostgreSQL: REPEATABLE READ would do too)
            _no_statement_timeout()
            floor = Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            self._read_all()
        self.floor, self.seen, self.polled = floor, {}, time.monotonic()

    def _read_all(self):
        now = timezone.now()
        rows = _published_rows()
        self.base_ids = rows[:, 0].copy()
        days = rows[:, 1]
        self.base_published = rows[:, 4].copy()
        by_published = np.lexsort((self.base_ids, self.base_published))[::-1]
        self.by_published = by_published.astype(np.int32)  # positions: half the memory
        self.base_keys = ((days + _DAY_OFFSET) << 32) | self.base_ids
        count = len(self.base_ids)
        self.position_of = np.full(int(self.base_ids.max(initial=0)) + 1, -1, dtype=np.int32)
        self.position_of[self.base_ids] = np.arange(count, dtype=np.int32)
        positions = np.arange(count, dtype=np.int64)
        self.live = BitMap()
        self.live.add_range(0, count)
        kinds = _grouped(positions, rows[:, 2])
        self.values["kind"] = {KINDS[number]: bitmap for number, bitmap in kinds.items()}
        years = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
        self.values[YEAR] = _grouped(positions, years + 1970)
        spoken = _grouped(positions, rows[:, 5])
        self.values[LANGUAGE] = {LANGUAGES[n]: bitmap for n, bitmap in spoken.items() if n >= 0}
        self.base_groups = rows[:, 6].copy()
        self.hidden = {code: BitMap() for code in news_languages.site_codes()}
        self._hide_translations(rows[:, 5])
        issuers = [(positions, rows[:, 3].copy())]
        del rows
        for name, relation in LINKED:
            # Unordered: a link table's ordering (the meetings' one) would join and sort.
            links = _numbers(
                relation.link.objects.order_by(), [relation.news_attname, relation.term_attname]
            )
            linked = self._positions(links[:, 0])
            kept = linked >= 0
            pairs = (linked[kept], links[:, 1][kept])
            if name == ISSUERS:
                issuers.append(pairs)
            else:
                self.values[name] = _grouped(*pairs)
        self.values[ISSUERS] = _grouped(
            np.concatenate([p for p, _v in issuers]), np.concatenate([v for _p, v in issuers])
        )
        for bitmaps in self.values.values():
            for bitmap in bitmaps.values():
                bitmap.run_optimize()
        self.pending = Pending(dict(NewsItem.objects.scheduled().values_list("id", "published_at")))
        self.words = None
        if index_words.available():
            self.words = index_words.Words.read(self, NewsItem.objects.published())
        self.extra_keys, self.extra_ids, self.extra_published = [], [], []
        self.extra_groups = []
        self.derived = {}
        logger.debug("News index read at %s: %d items", now, count)

    def _hide_translations(self, language_numbers):
        """Fill `hidden` from the base positions' groups and languages (their numbers)."""
        groups = self.base_groups
        if len(groups) < 2:
            return
        order = np.argsort(groups, kind="stable")
        ordered = groups[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        sizes = np.diff(np.r_[starts, len(ordered)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
            positions = order[start : start + size].tolist()
            members = [
                (int(self.base_ids[p]), LANGUAGES[language_numbers[p]], p) for p in positions
            ]
            self._hide_group(members)

    def _hide_group(self, members):
        """Add to `hidden` the members a list in each interface language leaves out, of one
        group's published `members` [(id, language, position)]: with a member in the
        language, the others; else all but the first (the original)."""
        if len(members) < 2:
            return
        first = min(members)[2]
        for code, hidden in self.hidden.items():
            if any(language == code for _pk, language, _p in members):
                hidden.update(p for _pk, language, p in members if language != code)
            else:
                hidden.update(p for _pk, _language, p in members if p != first)

    def _regroup(self, groups):
        """Work out `hidden` again for the translation `groups` (some of their members have
        just been read again), from their published members in the index."""
        if not groups:
            return
        groups = sorted(groups)
        rows = NewsItem.objects.filter(
            Q(translation_group__in=groups) | Q(translation_group__isnull=True, pk__in=groups)
        ).values_list("pk", "language")
        members = {}
        for pk, language in rows:
            position = self.position(pk)
            if position >= 0:
                members.setdefault(self.group_at(position), []).append((pk, language, position))
        for group_members in members.values():
            stale = BitMap(p for _pk, _language, p in group_members)
            for hidden in self.hidden.values():
                hidden -= stale
            self._hide_group(group_members)

    def group_at(self, position):
        if position < self.base_end:
            return int(self.base_groups[position])
        return self.extra_groups[position - self.base_end]

    def scope(self, language, others):
        """The items a list in interface `language` shows with no language chosen: those in
        `language`, and with `others` one member of every group with none in it (see the
        module)."""
        if not others:
            return self.values[LANGUAGE].get(language, BitMap())
        hidden = self.hidden.get(language, BitMap())
        return self.memo(("scope", language), lambda: self.live - hidden)

    def _positions(self, ids):
        """The positions of item `ids` (an array), -1 for items not in the index."""
        inside = ids < len(self.position_of)
        found = np.full(len(ids), -1, dtype=np.int64)
        found[inside] = self.position_of[ids[inside]]
        return found

    def bitmap_of(self, ids):
        """The positions of the published items among item `ids` (an array or an iterable)."""
        ids = ids if isinstance(ids, np.ndarray) else np.fromiter(ids, dtype=np.int64)
        positions = self._positions(ids)
        return _bitmap(positions[positions >= 0])

    def position(self, pk):
        return int(self.position_of[pk]) if pk < len(self.position_of) else -1

    def __len__(self):
        return len(self.live)

    @property
    def base_end(self):
        return len(self.base_ids)

    def item_id(self, position):
        if position < self.base_end:
            return int(self.base_ids[position])
        return self.extra_ids[position - self.base_end]

    def key(self, position):
        if position < self.base_end:
            return int(self.base_keys[position])
        return self.extra_keys[position - self.base_end]

    # Keeping it exact.

    def catch_up(self, now=None):
        """Apply the change log's new rows and the scheduled items now due."""
        now = now or timezone.now()
        with self.lock:
            if time.monotonic() - self.polled > STALE_AFTER:
                self._reload()
                return
            self.polled = time.monotonic()
            with connection.cursor() as cursor:  # at every request: no ORM query to build
                cursor.execute(_NEW_CHANGES, [self.floor])
                rows = cursor.fetchall()
            new = [(pk, item) for pk, item in rows if pk not in self.seen]
            clock = time.monotonic()
            for pk, _item in new:
                self.seen[pk] = clock
            if any(item is None for _pk, item in new):
                self._reload()
            else:
                items = {item for _pk, item in new}
                first = self.pending.first
                if first is not None and first <= now:
                    items.update(self.pending.due(now))
                if items:
                    self.refresh(items)
            self._advance_floor(clock)

    def _advance_floor(self, clock):
        old = [pk for pk, seen in self.seen.items() if clock - seen > LOG_WINDOW]
        if old:
            self.floor = max(self.floor, *old)
            self.seen = {pk: seen for pk, seen in self.seen.items() if pk > self.floor}

    def _reload(self):
        """Read the whole index again: at once while it is small, else beside the requests,
        which meanwhile read the index as it was (seconds at a million items)."""
        if len(self.live) < RELOAD_BESIDE:
            self._read_again()
        elif not self.reloading:
            self.reloading = True
            threading.Thread(target=self._read_beside, daemon=True, name="news-index").start()

    def _read_beside(self):
        try:
            fresh = NewsIndex.build()
            _give_back_memory()
            with self.lock:
                lock = self.lock
                self.__dict__.update(fresh.__dict__)
                self.lock = lock
        except Exception:
            logger.exception("The news index could not be read again; the old one is kept.")
        finally:
            self.reloading = False
            connections.close_all()  # this thread's own

    def _read_again(self):
        self._read()
        _give_back_memory()

    def refresh(self, ids):
        """Read items `ids` again: out of the index, and back in where they are published."""
        ids = sorted({int(pk) for pk in ids})
        with self.lock:
            old = {pk: self.position(pk) for pk in ids}
            gone = BitMap(position for position in old.values() if position >= 0)
            groups = {self.group_at(position) for position in gone}
            if gone:
                self.live -= gone
                for bitmaps in [*self.values.values(), self.hidden]:
                    for bitmap in bitmaps.values():
                        bitmap -= gone
                if self.words is not None:
                    self.words.forget(gone)
            for pk in ids:
                if pk < len(self.position_of):
                    self.position_of[pk] = -1
            rows = NewsItem.objects.filter(pk__in=ids).values_list(
                "pk",
                "date_issued",
                "kind",
                "lead_structure_id",
                "status",
                "published_at",
                "language",
                "translation_group",
            )
            now = timezone.now()
            published = {}
            for pk in ids:
                self.pending.discard(pk)
            for pk, date, kind, lead, status, published_at, language, group in rows:
                if status != NewsItem.Status.PUBLISHED or published_at is None:
                    continue
                if published_at > now:
                    self.pending.add(pk, published_at)
                    continue
                published_us = _microseconds_of(published_at)
                group = group or pk
                groups.add(group)
                position = self._place(
                    pk, item_key(_day(date), pk), published_us, old.get(pk, -1), group
                )
                self._add(LANGUAGE, language, position)
                published[pk] = position
                self.live.add(position)
                self._add("kind", kind, position)
                self._add(YEAR, date.year, position)
                self._add(ISSUERS, lead, position)
            if published:
                for name, relation in LINKED:
                    news, term = relation.news_attname, relation.term_attname
                    links = relation.link.objects.order_by().filter(
                        **{f"{news}__in": list(published)}
                    )
                    for item, value in links.values_list(news, term):
                        self._add(name, value, published[item])
                if self.words is not None:
                    self.words.add(self, published)
            self._regroup(groups)
            self.derived = {}
            global _changed_since_trim
            _changed_since_trim = True

    def _place(self, pk, key, published, old, group):
        """The position of item `pk` with sort `key`, publication time `published` and
        translation `group`: its old one if it keeps its place in both orders."""
        if (
            0 <= old < self.base_end
            and int(self.base_keys[old]) == key
            and int(self.base_published[old]) == published
        ):
            position = old
            self.base_groups[old] = group
        else:
            position = self.base_end + len(self.extra_ids)
            self.extra_ids.append(pk)
            self.extra_keys.append(key)
            self.extra_published.append(published)
            self.extra_groups.append(group)
        if pk >= len(self.position_of):
            # New items' ids come one after another: room for a few thousand more, not twice
            # the table (which a worker would hold privately: megabytes at a million items).
            size = pk + 1 + max(GROWTH, len(self.position_of) // 256)
            grown = np.full(size, -1, dtype=np.int32)
            grown[: len(self.position_of)] = self.position_of
            self.position_of = grown
        self.position_of[pk] = position
        return position

    def _add(self, name, value, position):
        self.values[name].setdefault(value, BitMap()).add(position)

    # Reading.

    def union(self, name, values):
        """The items having any of `values` of source `name`."""
        bitmaps = [self.values[name][value] for value in values if value in self.values[name]]
        return BitMap.union(BitMap(), *bitmaps)

    def memo(self, key, make):
        """What `make()` gives, kept until the index changes (for subtree unions)."""
        if key not in self.derived:
            self.derived[key] = make()
        return self.derived[key]

    def year_span(self):
        """The first and the last year of the published items, or (None, None)."""
        if not self.live:
            return None, None
        keys = [self.key(self.live.min()), self.key(self.live.max())]
        extras = self.live.iter_equal_or_larger(self.base_end) if self.extra_ids else ()
        keys.extend(self.key(position) for position in extras)
        return tuple(_year_of(key) for key in (min(keys), max(keys)))

    def positions_between(self, start, end):
        """The items issued from date `start` to date `end` (either may be None)."""
        low = 0 if start is None else item_key(_day(start), 0)
        high = None if end is None else item_key(_day(end) + 1, 0)
        found = BitMap()
        first = int(np.searchsorted(self.base_keys, low, side="left"))
        last = self.base_end if high is None else int(np.searchsorted(self.base_keys, high))
        if last > first:
            found.add_range(first, last)
        for offset, key in enumerate(self.extra_keys):
            if key >= low and (high is None or key < high):
                found.add(self.base_end + offset)
        return found

    def page(self, results, start, stop, newest=True):
        """The ids of `results` (a BitMap of positions) from `start` to `stop` in list order,
        newest first unless `newest` is false."""
        total = len(results)
        stop = min(stop, total)
        if start >= stop:
            return []
        low, high = (total - stop, total - start) if newest else (start, stop)
        before_extras = results.rank(self.base_end - 1) if self.base_end else 0
        if before_extras == total:  # only items in list order: a slice
            positions = list(results[low:high])
        else:
            positions = self._merged(results, before_extras, low, high)
        if newest:
            positions.reverse()
        return [self.item_id(position) for position in positions]

    def most_recent(self, results, count):
        """The ids of the `count` most recently published of `results` (for feeds)."""
        found = []  # (publication time, id)
        base = results
        if self.extra_ids:
            base = results & _range(0, self.base_end)
            for position in results.iter_equal_or_larger(self.base_end):
                offset = position - self.base_end
                found.append((self.extra_published[offset], self.extra_ids[offset]))
        if len(base) * 50 < self.base_end:  # few: sorted by time
            positions = np.array(base.to_array(), dtype=np.int64)
            order = np.lexsort((self.base_ids[positions], self.base_published[positions]))
            chosen = positions[order[::-1][:count]]
        else:  # many: the most recent overall, until enough are among them
            chosen, start = [], 0
            while len(chosen) < count and start < self.base_end:
                chunk = self.by_published[start : start + 4096]
                hits = _bitmap(chunk) & base
                if hits:
                    inside = np.isin(chunk, np.array(hits.to_array(), dtype=np.int64))
                    chosen.extend(chunk[inside][: count - len(chosen)].tolist())
                start += len(chunk)
        found.extend(
            (int(self.base_published[position]), int(self.base_ids[position]))
            for position in chosen
        )
        return [pk for _time, pk in sorted(found, reverse=True)[:count]]

    def _merged(self, results, base_count, low, high):
        """Positions `low` to `high` of `results` in key order, where the positions from
        `base_count` on (items read again) are out of order."""
        extras = sorted(results[base_count:], key=self.key)
        # Where each goes among all: the base items before it, plus the extras before it.
        places = []
        for offset, position in enumerate(extras):
            below = int(np.searchsorted(self.base_keys, self.key(position)))
            before = results.rank(below - 1) if below else 0
            places.append(before + offset)
        found, index = [], 0
        for place in range(low, high):
            while index < len(places) and places[index] < place:
                index += 1
            if index < len(places) and places[index] == place:
                found.append(extras[index])
            else:
                found.append(results[place - index])
        return found


def _no_statement_timeout():
    """Reading the whole index takes longer than a request may (settings: the statement
    timeout); in the current transaction only."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")


def _range(start, stop):
    found = BitMap()
    if stop > start:
        found.add_range(start, stop)
    return found


def _microseconds_of(moment):
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
    return (moment - epoch) // datetime.timedelta(microseconds=1)


def _year_of(key):
    days = (key >> 32) - _DAY_OFFSET
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=days)).year


# The process's index.

_index = None
_building = threading.Lock()
# In a server's worker (gunicorn.conf.py), an index missing at start (the database was away
# when the master started) is read beside the requests, which are answered 503 meanwhile:
# reading a million items takes longer than a request may.
_build_beside = False
_building_beside = False


class NotReady(InterfaceError):
    """The index is being read: the page cannot be made yet (answered 503, Retry-After, by
    osce_cms.middleware like an unavailable database)."""


def current():
    """The process's index, built at the first call and brought up to date at each."""
    global _index
    if _index is None:
        if _build_beside:
            _start_building()
            raise NotReady("The index of the public news is being read.")
        with _building:
            if _index is None:
                _index = NewsIndex.build()
                return _index
    _index.catch_up()
    return _index


def build_beside():
    """From now on, a missing index is read beside the requests (a server's worker)."""
    global _build_beside
    _build_beside = True


def _start_building():
    global _building_beside
    with _building:
        if _building_beside or _index is not None:
            return
        _building_beside = True
    threading.Thread(target=_build, daemon=True, name="news-index").start()


def _build():
    global _index, _building_beside
    try:
        _index = NewsIndex.build()
        _give_back_memory()
    except Exception:  # the database still away: the next request tries again
        logger.exception("The index of the public news could not be read.")
    finally:
        _building_beside = False
        connections.close_all()  # this thread's own


def load():
    """Build the process's index now (gunicorn's master, before forking) and return it."""
    global _index
    _index = NewsIndex.build()
    _give_back_memory()
    return _index


def give_back_memory_after_changes():
    """After a request (gunicorn.conf.py `post_request`): if the index changed since the last
    time, return the memory its changes freed to the system. glibc keeps freed memory for
    reuse, and a worker reading a publication every few seconds grows by about half a
    megabyte each time otherwise (measured at a million items); a trim takes milliseconds,
    after the answer has gone."""
    global _changed_since_trim
    if _changed_since_trim:
        _changed_since_trim = False
        _give_back_memory()


_changed_since_trim = False


def _give_back_memory():
    """Return to the system the memory freed after reading the index (glibc keeps it
    otherwise, and every worker forked from the master would carry it)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def reset():
    """Forget the index (tests: each starts from its own database)."""
    global _index
    _index = None


def record(item_ids=None):
    """Record, in the current transaction, that the public rows of items `item_ids` changed
    (None: anything may have changed). Rows older than Change.KEPT_DAYS are deleted by the
    writers, at most once an hour per process."""
    ids = [None] if item_ids is None else sorted({int(pk) for pk in item_ids})
    Change.objects.bulk_create([Change(item=pk) for pk in ids])
    global _pruned
    if time.monotonic() - _pruned > 3600:
        horizon = timezone.now() - datetime.timedelta(days=Change.KEPT_DAYS)
        Change.objects.filter(recorded__lt=horizon).delete()
        _pruned = time.monotonic()


_pruned = -3600.0
