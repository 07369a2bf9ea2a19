"""Load demo news: the real item of the seed page, then N generated, realistic items."""

import time
from concurrent.futures import ThreadPoolExecutor

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news.demo import SEED_ITEM, DemoNewsGenerator, DemoTaxonomy, MissingTaxonomy
from news.models import (
    NewsCountry,
    NewsFieldOfWork,
    NewsItem,
    NewsMeetingSeries,
    NewsSupportingStructure,
    Tag,
    TaggedNews,
)
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

DEFAULT_ITEMS = 300
DEFAULT_SEED = 1975
DEFAULT_BATCH_SIZE = 5000


class Command(BaseCommand):
    help = (
        "Load demo news after the reference taxonomy (it runs load_taxonomy first): the real "
        "news item of the seed page, kept as a draft because its source gives no issue date, "
        "and --items generated items with realistic titles, bodies, dates, issuers and "
        "taxonomy. Generated item number i of a --seed always gets the same content and the "
        "same slug (its title's slug followed by -i). Items are built in batches; for each "
        "batch one query asks which of its slugs already exist, and only the others are "
        "inserted (items are rebuilt in memory to know their slugs, which is cheap). So "
        "running the command again with the same --items adds nothing, with a larger --items "
        "adds only the missing items, and with another --seed adds a different set. Dates run "
        "from 2006 to the day of the run, so the same seed gives the same dates on the same day."
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

    def handle(self, *args, items, seed, batch_size, verbosity, **options):
        if items < 0:
            raise CommandError(_("--items cannot be negative."))
        if batch_size < 1:
            raise CommandError(_("--batch-size must be at least 1."))
        call_command("load_taxonomy", verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
        try:
            taxonomy = DemoTaxonomy.from_database()
        except MissingTaxonomy as error:
            raise CommandError(
                _("The taxonomy is missing %(what)s; check load_taxonomy's reference data.")
                % {"what": error}
            ) from error
        self.load_seed_item()
        self.load_generated(taxonomy, items, seed, batch_size, verbosity)

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

    def load_generated(self, taxonomy, items, seed, batch_size, verbosity):
        started = time.monotonic()
        generator = DemoNewsGenerator(taxonomy, seed, timezone.now())
        taxonomy.tags = self.tags(taxonomy.tag_names(generator.today.year + 1))
        added = 0
        for batch in self.batches(generator, items, batch_size):
            added += self.insert_missing(batch)
            reset_queries()  # with DEBUG on, the query log would keep every batch's SQL
            if verbosity >= 1:
                elapsed = time.monotonic() - started
                done = batch[-1].index
                self.stdout.write(
                    _(
                        "%(done)s/%(items)s generated items checked, %(added)s added "
                        "(%(rate)s items/s)"
                    )
                    % {
                        "done": f"{done:,}",
                        "items": f"{items:,}",
                        "added": f"{added:,}",
                        "rate": f"{done / elapsed:,.0f}" if elapsed else "–",
                    }
                )
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo news loaded: %(added)s generated items added, %(kept)s already there "
                    "(seed %(seed)s, %(seconds).1f s)."
                )
                % {
                    "added": f"{added:,}",
                    "kept": f"{items - added:,}",
                    "seed": seed,
                    "seconds": time.monotonic() - started,
                }
            )
        )

    def batches(self, generator, items, batch_size):
        """The generated items in batches, each built in a worker thread while the database
        writes the one before (the driver releases the GIL while it waits for the server)."""

        def build(first):
            return [generator.item(i) for i in range(first, min(first + batch_size, items + 1))]

        with ThreadPoolExecutor(max_workers=1) as worker:
            previous = None
            for first in range(1, items + 1, batch_size):
                upcoming = worker.submit(build, first)
                if previous is not None:
                    yield previous.result()
                previous = upcoming
            if previous is not None:
                yield previous.result()

    def tags(self, names):
        """The generator's tag vocabulary, created where missing; name -> primary key."""
        existing = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
        for name in names:
            if name not in existing:
                existing[name] = Tag.objects.create(name=name).pk  # TagBase.save() slugifies
        return existing

    def insert_missing(self, batch):
        """Insert the items of `batch` whose slug is not taken yet, with their relations."""
        slugs = [item.values["slug"] for item in batch]
        taken = set(NewsItem.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        batch = [item for item in batch if item.values["slug"] not in taken]
        if not batch:
            return 0
        with transaction.atomic():
            # bulk_create skips NewsItem.save(): the generator already gives safe bodies and
            # explicit publication times.
            rows = NewsItem.objects.bulk_create([NewsItem(**item.values) for item in batch])
            if any(row.pk is None for row in rows):
                raise CommandError(_("The database did not return the new items' ids."))
            links = (
                (NewsFieldOfWork, "field_id", "field_ids"),
                (NewsCountry, "country_id", "country_ids"),
                (NewsMeetingSeries, "meeting_series_id", "series_ids"),
                (NewsSupportingStructure, "structure_id", "supporting_ids"),
            )
            for model, column, attribute in links:
                model.objects.bulk_create(
                    [
                        model(news_id=row.pk, **{column: pk})
                        for row, item in zip(rows, batch, strict=True)
                        for pk in getattr(item, attribute)
                    ]
                )
            TaggedNews.objects.bulk_create(
                [
                    TaggedNews(content_object_id=row.pk, tag_id=pk)
                    for row, item in zip(rows, batch, strict=True)
                    for pk in item.tag_ids
                ]
            )
        return len(batch)
