"""Load demo news: the real item of the seed page, then N generated, realistic items."""

import datetime
import gc
import io
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from demo.generator import (
    FIRST_DAY,
    LAST_DAY,
    SEED_ITEM,
    DemoNewsGenerator,
    DemoTaxonomy,
    MissingTaxonomy,
)
from news.models import (
    NewsCountry,
    NewsFieldOfWork,
    NewsItem,
    NewsMeetingSeries,
    NewsSupportingStructure,
    Tag,
    TaggedNews,
)
from newsroom import freshness
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

DEFAULT_ITEMS = 300
DEFAULT_SEED = 1975
DEFAULT_BATCH_SIZE = 5000
DEFAULT_JOBS = 2

# The relations of a generated item: (through model, its column for the term, DemoItem attribute).
LINKS = (
    (NewsFieldOfWork, "field", "field_ids"),
    (NewsCountry, "country", "country_ids"),
    (NewsMeetingSeries, "meeting_series", "series_ids"),
    (NewsSupportingStructure, "structure", "supporting_ids"),
    (TaggedNews, "tag", "tag_ids"),
)


class Command(BaseCommand):
    help = (
        "Load demo news after the reference taxonomy (it runs load_taxonomy first): the real "
        "news item of the seed page, kept as a draft because its source gives no issue date, "
        "and --items generated items with realistic titles, bodies, dates, issuers and "
        "taxonomy. Generated item number i of a --seed always gets the same content and the "
        "same slug (its title's slug followed by -i), on any day: dates run from "
        f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}. The exception are the scheduled "
        "items (1 in 100): they must still be to come, so they are dated 1 to 21 days after the "
        "day of the run, and their dates (also those in their text) follow it; their titles and "
        "slugs do not. Items are built in batches. The first draws of an item decide its slug: "
        "the command makes those, asks which of the batch's slugs exist (only if an existing "
        "slug ends in one of the batch's numbers, so a first load asks nothing), and builds "
        "whole and inserts only the others. So running the command again with the same --items "
        "adds nothing, with a larger --items adds only the missing items, and with another "
        "--seed adds a different set. On PostgreSQL each batch is written with COPY, by --jobs "
        "connections at once, and the tables are analyzed at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--items",
            type=int,
            default=DEFAULT_ITEMS,
            help=f"How many generated items there should be (default {DEFAULT_ITEMS}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Seed of the generator (default {DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=DEFAULT_BATCH_SIZE,
            help=f"Items inserted per transaction (default {DEFAULT_BATCH_SIZE}).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=DEFAULT_JOBS,
            help=(
                "PostgreSQL: how many connections write batches at the same time "
                f"(default {DEFAULT_JOBS}). Other databases use one."
            ),
        )

    def handle(self, *args, items, seed, batch_size, jobs, verbosity, **options):
        if items < 0:
            raise CommandError(_("--items cannot be negative."))
        if batch_size < 1:
            raise CommandError(_("--batch-size must be at least 1."))
        if jobs < 1:
            raise CommandError(_("--jobs must be at least 1."))
        call_command("load_taxonomy", verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
        try:
            taxonomy = DemoTaxonomy.from_database()
        except MissingTaxonomy as error:
            raise CommandError(
                _("The taxonomy is missing %(what)s; check load_taxonomy's reference data.")
                % {"what": error}
            ) from error
        self.load_seed_item()
        self.load_generated(taxonomy, items, seed, batch_size, jobs, verbosity)

    def load_seed_item(self):
        if NewsItem.objects.filter(slug=SEED_ITEM["slug"]).exists():
            self.stdout.write(
                _("The seed news item “%(title)s” is already loaded; left as it is.")
                % {"title": SEED_ITEM["title"]}
            )
            return
        structure = Structure.objects.filter(slug=SEED_ITEM["lead_structure"]).first()
        terms = {
            "fields_of_work": FieldOfWork.objects.in_bulk(
                SEED_ITEM["fields_of_work"], field_name="slug"
            ),
            "countries": Country.objects.in_bulk(SEED_ITEM["countries"], field_name="slug"),
            "meeting_series": MeetingSeries.objects.in_bulk(
                SEED_ITEM["meeting_series"], field_name="slug"
            ),
        }
        missing = [] if structure else [SEED_ITEM["lead_structure"]]
        missing += [
            slug
            for relation, found in terms.items()
            for slug in SEED_ITEM[relation]
            if slug not in found
        ]
        if missing:
            raise CommandError(
                _("The taxonomy is missing what the seed news item refers to: %(slugs)s.")
                % {"slugs": ", ".join(missing)}
            )
        with transaction.atomic():
            item = NewsItem.objects.create(
                title=SEED_ITEM["title"],
                slug=SEED_ITEM["slug"],
                kind=SEED_ITEM["kind"],
                lede=SEED_ITEM["lede"],
                body=SEED_ITEM["body"],
                lead_structure=structure,
                date_issued=None,
                status=NewsItem.Status.DRAFT,
            )
            for relation, found in terms.items():
                getattr(item, relation).set([found[slug] for slug in SEED_ITEM[relation]])
        self.stdout.write(
            self.style.WARNING(
                _(
                    "Loaded the seed news item “%(title)s”, kept as a draft: the source gives "
                    "no issue date."
                )
                % {"title": item.title}
            )
        )

    def load_generated(self, taxonomy, items, seed, batch_size, jobs, verbosity):
        started = time.monotonic()
        now = timezone.now()
        generator = DemoNewsGenerator(taxonomy, seed, now)
        taxonomy.tags = self.tags(taxonomy.tag_names(generator.today.year + 1))
        if connection.vendor == "postgresql":
            writer = CopyWriter(now, jobs)
        else:
            writer = BulkCreateWriter()
        checked = handed = 0
        # Out of the collector's sight: what is loaded already (Django, the taxonomy). Its full
        # passes rescanning all of it took about a sixth of the generator's time.
        gc.freeze()
        try:
            for heads, taken in self.checked_batches(generator, items, batch_size, writer):
                missing = [generator.finish(head) for head in heads if head.slug not in taken]
                if missing:
                    writer.write(missing)
                checked += len(heads)
                handed += len(missing)
                reset_queries()  # with DEBUG on, the query log would keep every batch's SQL
                if verbosity >= 1:
                    # Items still on their way to the database are not done yet.
                    done = checked - handed + writer.added
                    self.progress(checked, items, writer.added, done, time.monotonic() - started)
        finally:
            gc.unfreeze()
            writer.close()
        if writer.added:
            # COPY sends no signal: public pages must forget the counts they keep.
            freshness.changed()
            if connection.vendor == "postgresql":
                self.analyze()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo news loaded: %(added)s generated items added, %(kept)s already there "
                    "(seed %(seed)s, %(seconds).1f s)."
                )
                % {
                    "added": f"{writer.added:,}",
                    "kept": f"{items - writer.added:,}",
                    "seed": seed,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def checked_batches(self, generator, items, batch_size, writer):
        """The heads of each batch, with those of their slugs that items already have.

        Only slugs ending in the number of an existing slug are asked about. The question for a
        batch runs in a helper thread, on its own connection, while the next batch's heads are
        made (inside a transaction, which other connections would not see, it runs in turn).
        """
        numbered = self.numbered(items)

        def taken(heads):
            slugs = [head.slug for head in heads if numbered[head.index]]
            if not slugs:
                return set()
            found = writer.taken(slugs)
            reset_queries()  # this thread's log, with DEBUG on
            return found

        batches = (
            [generator.head(index) for index in range(first, min(first + batch_size, items + 1))]
            for first in range(1, items + 1, batch_size)
        )
        if connection.in_atomic_block:
            for heads in batches:
                yield heads, taken(heads)
            return
        with ThreadPoolExecutor(max_workers=1) as helper:
            try:
                previous = None
                for heads in batches:
                    upcoming = (heads, helper.submit(taken, heads))
                    if previous is not None:
                        yield previous[0], previous[1].result()
                    previous = upcoming
                if previous is not None:
                    yield previous[0], previous[1].result()
            finally:
                helper.submit(lambda: connection.close()).result()  # the helper thread's own

    def numbered(self, items):
        """Flags for 1…items: which numbers end an existing slug (…-i). Generated item i can be
        there already only if i is flagged, so a first load asks nothing more per batch."""
        flags = bytearray(items + 1)
        slugs = NewsItem.objects.filter(slug__regex=r"-[0-9]+$").values_list("slug", flat=True)
        for slug in slugs.iterator(chunk_size=20000):
            number = int(slug.rpartition("-")[2])
            if number <= items:
                flags[number] = 1
        return flags

    def progress(self, checked, items, added, done, elapsed):
        rate = done / elapsed if elapsed else 0
        eta = datetime.timedelta(seconds=round((items - done) / rate)) if rate else "–"
        self.stdout.write(
            _(
                "%(checked)s/%(items)s generated items checked, %(added)s added "
                "(%(rate)s items/s, %(eta)s to go)"
            )
            % {
                "checked": f"{checked:,}",
                "items": f"{items:,}",
                "added": f"{added:,}",
                "rate": f"{rate:,.0f}",
                "eta": eta,
            }
        )

    def tags(self, names):
        """The generator's tag vocabulary, created where missing; name -> primary key."""
        existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
        for name in names:
            if name not in existing:
                existing[name] = Tag.objects.create(name=name).pk  # TagBase.save() slugifies
        return existing

    def analyze(self):
        """Fresh statistics, so that the planner knows the tables' new size at once."""
        tables = [NewsItem._meta.db_table, Tag._meta.db_table]
        tables += [model._meta.db_table for model, _column, _attribute in LINKS]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))


class BulkCreateWriter:
    """Any database: bulk_create, one transaction per batch."""

    def __init__(self):
        self.added = 0

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
            for model, term, attribute in LINKS:
                news = "content_object" if model is TaggedNews else "news"
                model.objects.bulk_create(
                    [
                        model(**{f"{news}_id": row.pk, f"{term}_id": pk})
                        for row, item in zip(rows, batch, strict=True)
                        for pk in getattr(item, attribute)
                    ]
                )
        self.added += len(batch)

    def close(self):
        pass


NULL = r"\N"  # COPY's text format


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
        for model, term, _attribute in LINKS:
            news = "content_object" if model is TaggedNews else "news"
            self.tables.append(
                (
                    model._meta.db_table,
                    [model._meta.get_field(news).column, model._meta.get_field(term).column],
                )
            )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [meta.db_table, meta.pk.column])
            self.sequence = cursor.fetchone()[0]
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
        self.raise_error()
        if self.threads:
            self.queue.put(batch)
        else:
            self.copy(batch)

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

    def payload(self, batch, ids):
        """The COPY text of each table for `batch`, whose items get `ids`."""
        now, tail = self.now, self.tail
        lines = []
        links = [[] for _link in LINKS]
        for pk, item in zip(ids, batch, strict=True):
            values = item.values
            issued = values["date_issued"]
            published_at = values["published_at"]
            lines.append(
                f"{pk}\t{copy_text(values['title'])}\t{values['slug']}\t{values['kind']}\t"
                f"{copy_text(values['lede'])}\t{copy_text(values['body'])}\t"
                f"{issued.isoformat() if issued else NULL}\t{copy_text(values['dateline'])}\t"
                f"{values['lead_structure_id']}\t{values['status']}\t"
                f"{published_at.isoformat() if published_at else NULL}\t{now}\t{now}{tail}"
            )
            for rows, (_model, _term, attribute) in zip(links, LINKS, strict=True):
                rows.extend(f"{pk}\t{term}\n" for term in getattr(item, attribute))
        return len(batch), ["".join(lines)] + ["".join(rows) for rows in links]

    def copy(self, batch):
        """Write `batch` in one transaction (on the calling thread's connection)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            # A batch may take longer than the site's statement timeout (settings.py).
            cursor.execute("SET LOCAL statement_timeout = 0")
            count, texts = self.payload(batch, self.reserve_ids(cursor, len(batch)))
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
            while (batch := self.queue.get()) is not None:
                if self.error is None:
                    try:
                        self.copy(batch)
                    except Exception as error:  # handed to the command's thread
                        self.error = error
        finally:
            connection.close()
