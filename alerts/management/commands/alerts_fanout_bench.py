"""Time one item announced to 100,000 alert subscriptions: the publishing request, the
fan-out, and sending every email through a real Celery worker to a local SMTP server.

Run on a database of its own (its name must contain "bench") with taxonomy in it
(load_demo), Redis for the queue (a database number of the benchmark's own: it is flushed):

    DATABASE_URL=postgres://…/osce_delivery_bench python manage.py alerts_fanout_bench

What it writes (subscriptions at @bench.invalid, one item) is deleted at the end.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.http import QueryDict
from django.utils import timezone

from alerts import tasks
from alerts.models import Announcement, Sent, Subscription
from news.models import NewsItem
from newsroom.results import Reading
from osce_cms.celery import app
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork

DOMAIN = "bench.invalid"
SLUG = "alerts-fanout-bench"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Counter:
    """An SMTP server's handler that counts what arrives and keeps nothing."""

    def __init__(self):
        self.messages = 0
        self.recipients = set()
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.messages += 1
            self.recipients.update(envelope.rcpt_tos)
        return "250 OK"


class Command(BaseCommand):
    help = (
        "Time an item matching 100,000 alert subscriptions: the publishing request, the "
        "fan-out (matching, sent log, batches queued) and sending every email through a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--subscriptions", type=int, default=100_000)
        parser.add_argument(
            "--daily-every",
            type=int,
            default=10,
            help="One subscription in this many is a daily digest (the others immediate).",
        )
        parser.add_argument(
            "--broker", default="redis://127.0.0.1:6379/12", help="Flushed: the bench's own."
        )
        parser.add_argument("--concurrency", type=int, default=2, help="Worker processes.")
        parser.add_argument(
            "--send-seconds",
            type=float,
            default=240,
            help="Stop sending after this long and tell the rate (the rest is not sent).",
        )
        parser.add_argument("--keep", action="store_true", help="Keep the rows written.")

    def handle(self, *args, **options):
        if "bench" not in connection.settings_dict["NAME"]:
            raise CommandError("Run it on a database of its own, whose name contains 'bench'.")
        broker = redis.Redis.from_url(options["broker"])
        broker.ping()
        broker.flushdb()
        self.cleanup()
        item, queries = self.prepare_item()
        figures = {
            "subscriptions": options["subscriptions"],
            "distinct_queries": len(queries["matching"]) + len(queries["not_matching"]),
        }
        started = time.perf_counter()
        self.subscribe(options["subscriptions"], queries, options["daily_every"])
        figures["subscribe_s"] = round(time.perf_counter() - started, 1)

        counter = Counter()
        port = free_port()
        smtp = Controller(counter, hostname="127.0.0.1", port=port)
        smtp.start()
        worker, log = self.start_worker(options, port)
        try:
            self.measure(item, figures, counter, options)
        finally:
            worker.terminate()
            worker.wait(60)
            smtp.stop()
            broker.flushdb()
            if not options["keep"]:
                self.cleanup()
        figures["worker_log"] = log
        self.stdout.write(json.dumps(figures, indent=2))

    # Setting up.

    def cleanup(self):
        Sent.objects.filter(item__slug=SLUG).delete()
        Subscription.objects.filter(email__endswith=f"@{DOMAIN}").delete()
        NewsItem.objects.filter(slug=SLUG).delete()

    def prepare_item(self):
        """A draft with a field of work, two countries and an issuer, and the distinct
        queries of the subscriptions: most show the item once published, some do not."""
        fields = list(FieldOfWork.objects.filter(parent__isnull=False).order_by("pk"))
        fields = fields or list(FieldOfWork.objects.order_by("pk"))
        countries = list(Country.objects.order_by("pk"))
        structure = Structure.objects.filter(parent__isnull=False).order_by("pk").first()
        if len(fields) < 2 or len(countries) < 3 or structure is None:
            raise CommandError("No taxonomy: run load_demo first.")
        field, country, other_country = fields[0], countries[0], countries[1]
        item = NewsItem.objects.create(
            title="Alerts benchmark: shared rivers and safe borders",
            slug=SLUG,
            lede="An item followed by many.",
            kind=NewsItem.Kind.NEWS,
            date_issued=timezone.localdate(),
            lead_structure=structure,
        )
        item.fields_of_work.set([field])
        item.countries.set([country, other_country])

        others = [f.slug for f in FieldOfWork.objects.exclude(pk=field.pk).order_by("pk")]
        elsewhere = [c.slug for c in countries[2:]]
        matching = ["", f"field={field.slug}", f"country={country.slug}", "kind=news"]
        matching += [f"structure={structure.slug}", f"year={item.date_issued.year}"]
        matching += [f"field={field.slug}&field={slug}" for slug in others]
        matching += [f"country={country.slug}&country={slug}" for slug in elsewhere]
        matching += [f"field={field.slug}&country={country.slug}&country={s}" for s in elsewhere]
        matching += [f"kind=news&country={slug}&country={other_country.slug}" for slug in elsewhere]
        matching += [f"structure={structure.slug}&field={field.slug}&field={s}" for s in others]
        not_matching = [f"field={slug}" for slug in others]
        not_matching += [f"country={slug}" for slug in elsewhere]
        reading = Reading()
        for query in matching + not_matching:  # every stored query reads, as sign-up ensures
            if not reading.filterset(QueryDict(query)).form.is_valid():
                raise CommandError(f"The benchmark's query {query!r} does not read.")
        return item, {"matching": matching, "not_matching": not_matching}

    def subscribe(self, count, queries, daily_every):
        """`count` confirmed subscriptions, nine in ten to queries that show the item."""
        consent = timezone.now() - timezone.timedelta(days=1)
        matching, not_matching = queries["matching"], queries["not_matching"]
        rows = []
        for n in range(count):
            chosen = not_matching if n % 10 == 9 else matching
            rows.append(
                Subscription(
                    email=f"reader{n}@{DOMAIN}",
                    query=chosen[n % len(chosen)],
                    frequency=(
                        Subscription.Frequency.DAILY
                        if n % daily_every == 0
                        else Subscription.Frequency.IMMEDIATE
                    ),
                    confirmed_at=consent,
                )
            )
        with transaction.atomic():
            Subscription.objects.bulk_create(rows, batch_size=5000)

    def start_worker(self, options, smtp_port):
        log = tempfile.NamedTemporaryFile(
            prefix="alerts-bench-worker-", suffix=".log", delete=False
        )
        env = {
            **os.environ,
            "CELERY_BROKER_URL": options["broker"],
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        }
        worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "osce_cms", "worker"),
                *("--concurrency", str(options["concurrency"]), "--loglevel", "WARNING"),
                *("--without-heartbeat", "--without-mingle", "--without-gossip"),
                *("-n", f"alerts-bench-{os.getpid()}@%h"),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        app.conf.update(broker_url=options["broker"], task_always_eager=False)
        app._pool = None  # a pool made for another broker would outlive the change
        app.amqp._producer_pool = None
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise CommandError(f"The worker did not start: see {log.name}")
        return worker, log.name

    # Measuring.

    def measure(self, item, figures, counter, options):
        # (a) The publishing request: the item saved public, the transaction committed, the
        # announcement queued on commit. Nothing else runs in it.
        started = time.perf_counter()
        with transaction.atomic():
            item.status = NewsItem.Status.PUBLISHED
            item.save()
        published = time.perf_counter()
        figures["publish_request_ms"] = round((published - started) * 1000, 1)
        # Of which the queueing: one more announce job (it finds the item announced).
        started = time.perf_counter()
        tasks.announce.delay([item.pk])
        figures["queue_one_job_ms"] = round((time.perf_counter() - started) * 1000, 2)

        # (b) The fan-out, in the worker: matching, the sent log written, batches queued (one
        # transaction: its Announcement appears when all of it is committed).
        while not Announcement.objects.filter(item=item).exists():
            time.sleep(0.02)
        fanned_out = time.perf_counter()
        figures["fan_out_s"] = round(fanned_out - published, 2)
        immediate = Sent.objects.filter(
            item=item, subscription__frequency=Subscription.Frequency.IMMEDIATE
        ).count()
        figures["matched_immediate"] = immediate
        figures["matched_daily"] = Sent.objects.filter(item=item).count() - immediate
        figures["batches"] = -(-immediate // settings.ALERTS_BATCH_SIZE)

        # (c) Sending every immediate alert, in the worker's batches, to the SMTP server.
        deadline = fanned_out + options["send_seconds"]
        while counter.messages < immediate and time.perf_counter() < deadline:
            time.sleep(0.25)
        finished = time.perf_counter()
        sent = counter.messages
        figures["sent"] = sent
        figures["distinct_recipients"] = len(counter.recipients)
        figures["send_s"] = round(finished - fanned_out, 1)
        figures["send_per_s"] = round(sent / max(finished - fanned_out, 1e-9), 1)
        if sent < immediate:
            figures["send_all_estimated_s"] = round(immediate / figures["send_per_s"], 0)
        else:
            figures["publish_to_last_email_s"] = round(finished - published, 1)
            time.sleep(1)  # any duplicate would arrive now
            figures["duplicates"] = counter.messages - immediate
            figures["rows_marked_sent"] = Sent.objects.filter(
                item=item, sent_at__isnull=False
            ).count()
