"""Load demo news: the real item of the seed page, then N generated, realistic items."""

import datetime
import gc
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from demo.generator import DemoNewsGenerator
from demo.odds import FIRST_DAY, IMAGE_SHARE
from demo.pictures import SCENES, ensure_pictures
from demo.seed import SEED_ITEM
from demo.taxonomy import DemoTaxonomy, MissingTaxonomy
from demo.writers import BulkCreateWriter, CopyWriter
from news.models import RELATIONS, NewsItem, Tag
from news.signals import content_changed
from structures.models import Structure

DEFAULT_ITEMS = 300
DEFAULT_SEED = 1975
DEFAULT_BATCH_SIZE = 5000
DEFAULT_JOBS = 2


class Command(BaseCommand):
    help = (
        "Load demo news after the reference taxonomy (it runs load_taxonomy first): the real "
        "news item of the seed page, kept as a draft because its source gives no issue date, "
        "and --items generated items with realistic titles, bodies, dates, issuers and "
        "taxonomy. Generated item number i of a --seed always gets the same content and the "
        "same slug (its title's slug followed by -i) in a database: dates run from "
        f"{FIRST_DAY.isoformat()} to the day of the database's first load (when the seed item "
        "was loaded), so that the newest items are of the last days, and a later run adds items "
        "of the same calendar. Most items are in English, some in Russian or in a field "
        "operation's language; an item may be followed by its translations (into Russian, "
        "French or German, or into English), which share its metadata and translation group and "
        "are published with it or later, a few out of date. The exception are the scheduled "
        "items (1 in 100): they must "
        "still be to come, so they are dated 1 to 21 days after the day of the run, and their "
        "dates (also those in their text) follow it; their titles and slugs do not. About "
        f"{IMAGE_SHARE:.0%} of the items have a lead image, one of {len(SCENES)} pictures drawn "
        "on the first load and shared; if no item is featured on the home page, the three "
        "newest published English items with an image are. Items are built in batches. The first "
        "draws of an item decide its slug: "
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
        self.feature_some()

    def last_day(self):
        """The newest day of the generated items' dates: the day of the database's first
        load, which loaded the seed item; today if it is gone."""
        loaded = (
            NewsItem.objects.filter(slug=SEED_ITEM["slug"])
            .values_list("created_at", flat=True)
            .first()
        )
        return timezone.localdate(loaded) if loaded else timezone.localdate()

    def feature_some(self):
        """Three stories for the home page, if editors have featured none: the newest
        published items in the default language with an image."""
        if NewsItem.objects.filter(featured=True).exists():
            return
        newest = (
            NewsItem.objects.published()
            .filter(language=settings.LANGUAGE_CODE)
            .exclude(image="")
            .order_by("-date_issued", "-id")
            .values_list("pk", flat=True)[:3]
        )
        if NewsItem.objects.filter(pk__in=list(newest)).update(featured=True):
            content_changed.send(sender=NewsItem)  # update() sends no signal

    def load_seed_item(self):
        if NewsItem.objects.filter(slug=SEED_ITEM["slug"]).exists():
            self.stdout.write(
                _("The seed news item “%(title)s” is already loaded; left as it is.")
                % {"title": SEED_ITEM["title"]}
            )
            return
        structure = Structure.objects.filter(slug=SEED_ITEM["lead_structure"]).first()
        terms = {
            relation.name: relation.term._default_manager.in_bulk(
                SEED_ITEM[relation.name], field_name="slug"
            )
            for relation in RELATIONS
            if relation.name in SEED_ITEM
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
        generator = DemoNewsGenerator(
            taxonomy, seed, now, last_day=self.last_day(), pictures=ensure_pictures()
        )
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
            content_changed.send(sender=NewsItem)
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
        tables += [relation.link._meta.db_table for relation in RELATIONS]
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
