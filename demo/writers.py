"""How load_demo writes generated items: bulk_create on any database, COPY on PostgreSQL.

A writer takes batches of DemoItems and writes each item with its rows in the link tables of
news.models.RELATIONS; `added` counts the items written. An item starts its own translation
group (its id); a translation joins its source's (Groups).
"""

import datetime
import io
import json
import queue
import threading

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from news.models import RELATIONS, NewsItem


def keys(relation):
    """The fields of `relation`'s link table that point at the item and at the term."""
    meta = relation.link._meta
    return meta.get_field(relation.news_key), meta.get_field(relation.term_key)


class Groups:
    """The translation group and the source's id of each item of a batch, in the order of its
    items, once the batch's ids are known.

    A translation's source is one of the two items before it (demo/odds.py TRANSLATION_SLOTS):
    in its batch, at the end of the batch before (kept here), or loaded by an earlier run
    (asked for by slug). If it is nowhere (deleted since), the translation starts its own group.
    """

    def __init__(self):
        self.recent = {}  # index -> (id, group) of the last batch's last items

    def links(self, batch, ids):
        known = dict(self.recent)
        indexes = {item.index for item in batch}
        missing = [
            item.source
            for item in batch
            if item.source and item.source[0] not in indexes and item.source[0] not in known
        ]
        loaded = {}
        if missing:
            rows = NewsItem.objects.filter(slug__in=[slug for _index, slug, _lang in missing])
            for slug, language, pk, group in rows.values_list(
                "slug", "language", "pk", "translation_group"
            ):
                loaded[(slug, language)] = (pk, group or pk)
        links = []
        for item, pk in zip(batch, ids, strict=True):
            source = None
            if item.source:
                index, slug, language = item.source
                source = known.get(index) or loaded.get((slug, language))
            if source is None:
                links.append((pk, None))
                known[item.index] = (pk, pk)
            else:
                links.append((source[1], source[0]))
                known[item.index] = (pk, source[1])
        last = max(indexes, default=0)
        self.recent = {index: known[index] for index in indexes if index > last - 2}
        return links


class BulkCreateWriter:
    """Any database: bulk_create, one transaction per batch."""

    def __init__(self):
        self.added = 0
        self.groups = Groups()

    def taken(self, slugs):
        """Those of `slugs` that items already have."""
        return set(NewsItem.objects.filter(slug__in=slugs).values_list("slug", flat=True))

    def write(self, batch):
        with transaction.atomic():
            # bulk_create skips NewsItem.save(): the generator already gives safe bodies and
            # explicit publication times.
            rows = NewsItem.objects.bulk_create([NewsItem(**item.values) for item in batch])
            if any(row.pk is None for row in rows):
                raise CommandError(_("The database did not return the new items' ids."))
            links = self.groups.links(batch, [row.pk for row in rows])
            for row, (group, source) in zip(rows, links, strict=True):
                row.translation_group, row.translation_source_id = group, source
            NewsItem.objects.bulk_update(rows, ["translation_group", "translation_source"])
            for relation in RELATIONS:
                news, term = (field.attname for field in keys(relation))
                relation.link.objects.bulk_create(
                    [
                        relation.link(**{news: row.pk, term: pk})
                        for row, item in zip(rows, batch, strict=True)
                        for pk in item.term_ids[relation.name]
                    ]
                )
        self.added += len(batch)

    def close(self):
        pass


NULL = r"\N"  # COPY's text format


_json_texts = {}  # id of a picture's renditions -> (them, their JSON): a few pictures, many rows


def renditions_json(renditions):
    """NewsItem.image_renditions as JSON text, written once per picture."""
    kept = _json_texts.get(id(renditions))
    if kept is None or kept[0] is not renditions:
        kept = _json_texts[id(renditions)] = (renditions, json.dumps(renditions))
    return kept[1]


def copy_text(value):
    """`value` as a field of COPY's text format."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.date | int | float):
        return str(value)
    if isinstance(value, str):
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    raise TypeError(f"No COPY text for {value!r}")


class CopyWriter:
    """PostgreSQL: COPY, one transaction per batch, `jobs` connections writing at the same time.

    Item ids are taken from the table's sequence before the rows are written (nextval, so the
    site may go on adding items meanwhile), and COPY fills the link tables' ids from theirs.
    search_vector is left to the table's trigger (news/search.py): computing it is most of the
    server's work per item wherever it is done, and filling it afterwards would write every row
    twice. Batches commit without waiting for the disk (synchronous_commit off): a crash may lose
    the last ones, which the next run adds again.

    Inside a transaction (a test's, say) the other connections could not see it, so batches are
    then written one after the other on the command's own connection.
    """

    def __init__(self, now, jobs):
        self.added = 0
        self.tables = []  # (table, columns) in the order COPY writes them
        meta = NewsItem._meta
        self.item_columns = [
            meta.pk.column,
            "title",
            "slug",
            "kind",
            "lede",
            "body",
            "date_issued",
            "dateline",
            "lead_structure_id",
            "status",
            "published_at",
            "created_at",
            "updated_at",
            "withdrawn_at",
            "withdrawal_notice",
            "image",
            "image_alt",
            "image_caption",
            "image_credit",
            "image_width",
            "image_height",
            "image_renditions",
            "language",
            "text_changed_at",
            "translation_group",
            "translation_source_id",
        ]
        # Every other column gets its field's default (the same on every row), so that a field
        # added to the model later does not break the loader.
        others = [
            field
            for field in meta.concrete_fields
            if field.column not in self.item_columns and field.name != "search_vector"
        ]
        defaults = []
        for field in others:
            default = field.get_db_prep_save(field.get_default(), connection)
            if default is None and not field.null:
                raise CommandError(
                    _("Cannot fill %(field)s of generated items: it has no default.")
                    % {"field": field.name}
                )
            defaults.append(copy_text(default))
        self.tail = "".join(f"\t{text}" for text in defaults) + "\n"
        self.now = copy_text(now.isoformat())
        self.tables.append((meta.db_table, self.item_columns + [f.column for f in others]))
        for relation in RELATIONS:
            columns = [field.column for field in keys(relation)]
            self.tables.append((relation.link._meta.db_table, columns))
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [meta.db_table, meta.pk.column])
            self.sequence = cursor.fetchone()[0]
        self.groups = Groups()
        self.lock = threading.Lock()
        self.error = None
        self.error_raised = False
        self.threads = []
        if connection.in_atomic_block:
            return
        self.queue = queue.Queue(maxsize=jobs)
        for _number in range(jobs):
            thread = threading.Thread(target=self.work, name="load_demo COPY", daemon=True)
            thread.start()
            self.threads.append(thread)

    def write(self, batch):
        """Hand `batch` to a writer thread, with its ids: taken from the sequence here, in
        order, so that a translation in the next batch knows its source's."""
        self.raise_error()
        with connection.cursor() as cursor:
            ids = self.reserve_ids(cursor, len(batch))
        work = (batch, ids, self.groups.links(batch, ids))
        if self.threads:
            self.queue.put(work)
        else:
            self.copy(*work)

    def close(self):
        for _thread in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join()
        self.raise_error()

    def raise_error(self):
        """Raise, in the command's thread, the error a writer thread met (once)."""
        if self.error is not None and not self.error_raised:
            self.error_raised = True
            raise self.error

    def taken(self, slugs):
        """Those of `slugs` that items already have (one array parameter: cheaper than IN)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT slug FROM {connection.ops.quote_name(NewsItem._meta.db_table)} "
                "WHERE slug = ANY(%s)",
                [slugs],
            )
            return {row[0] for row in cursor.fetchall()}

    def reserve_ids(self, cursor, count):
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [self.sequence, count])
        return [row[0] for row in cursor.fetchall()]

    def payload(self, batch, ids, groups):
        """The COPY text of each table for `batch`, whose items get `ids` and `groups` (each
        item's group and source id)."""
        now, tail = self.now, self.tail
        lines = []
        links = [[] for _relation in RELATIONS]
        for pk, item, (group, source) in zip(ids, batch, groups, strict=True):
            values = item.values
            issued = values["date_issued"]
            published_at = values["published_at"]
            withdrawn_at = values["withdrawn_at"]
            lines.append(
                f"{pk}\t{copy_text(values['title'])}\t{values['slug']}\t{values['kind']}\t"
                f"{copy_text(values['lede'])}\t{copy_text(values['body'])}\t"
                f"{issued.isoformat() if issued else NULL}\t{copy_text(values['dateline'])}\t"
                f"{values['lead_structure_id']}\t{values['status']}\t"
                f"{published_at.isoformat() if published_at else NULL}\t{now}\t{now}\t"
                f"{withdrawn_at.isoformat() if withdrawn_at else NULL}\t"
                f"{copy_text(values['withdrawal_notice'])}\t{copy_text(values['image'])}\t"
                f"{copy_text(values['image_alt'])}\t{copy_text(values['image_caption'])}\t"
                f"{copy_text(values['image_credit'])}\t{copy_text(values['image_width'])}\t"
                f"{copy_text(values['image_height'])}\t"
                f"{copy_text(renditions_json(values['image_renditions']))}\t"
                f"{values['language']}\t{values['text_changed_at'].isoformat()}\t{group}\t"
                f"{NULL if source is None else source}{tail}"
            )
            for rows, relation in zip(links, RELATIONS, strict=True):
                rows.extend(f"{pk}\t{term}\n" for term in item.term_ids[relation.name])
        return len(batch), ["".join(lines)] + ["".join(rows) for rows in links]

    def copy(self, batch, ids, groups):
        """Write `batch` in one transaction (on the calling thread's connection)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            # A batch may take longer than the site's statement timeout (settings.py).
            cursor.execute("SET LOCAL statement_timeout = 0")
            count, texts = self.payload(batch, ids, groups)
            for (table, columns), text in zip(self.tables, texts, strict=True):
                if text:
                    names = ", ".join(map(connection.ops.quote_name, columns))
                    sql = f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN"
                    cursor.copy_expert(sql, io.StringIO(text), len(text) + 1)  # in one read
        with self.lock:
            self.added += count

    def work(self):
        """A writer thread: write the batches it is given, on its own connection."""
        try:
            while (work := self.queue.get()) is not None:
                if self.error is None:
                    try:
                        self.copy(*work)
                    except Exception as error:  # handed to the command's thread
                        self.error = error
        finally:
            connection.close()
