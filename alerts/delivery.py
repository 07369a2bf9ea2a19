"""Telling subscribers of new items: announce an item once, fan it out, send the mail.

1. An item becomes public (published now, or its scheduled time comes): announce() records
   it once (Announcement), finds the confirmed subscriptions whose filters show it
   (alerts/matching.py) and writes one Sent row per subscription and item, in batches.
2. Each batch of immediate subscriptions is one send_batch job (alerts/tasks.py): one email
   per subscription, over one SMTP connection. Daily subscriptions keep their rows for the
   digest (send_digests()).
3. A row is marked sent after its mail is accepted by the SMTP server; a job run again after
   a crash sends only the rows not marked (see send_batch() for the window left).
"""

import datetime
import logging
import smtplib
from contextlib import contextmanager

from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from alerts import matching
from alerts.models import Announcement, Sent, Subscription
from news.models import NewsItem

log = logging.getLogger(__name__)

# How far back the scheduler looks for public items never announced (scheduled items whose
# time came, items made public by a bulk write that sends no signal, a worker that was down).
# Older ones are left alone: the subscriptions would not be sent them anyway (consent came
# later), and reading every item ever published each minute would be waste.
CATCH_UP = datetime.timedelta(days=1)


def batch_size():
    return settings.ALERTS_BATCH_SIZE


def announce(item_ids, *, queue_batch):
    """Announce the items of `item_ids` that are public and were never announced: write
    their sent log and queue its batches with `queue_batch(item_id, subscription_ids)`
    (called when the transaction commits). Returns the ids announced now.

    One transaction: the Announcement rows and every Sent row, or nothing (a worker that
    dies half-way leaves the items to be announced again, whole). A second job announcing
    the same item at the same time waits on the Announcement row and then finds it.
    """
    with transaction.atomic():
        items = []
        candidates = NewsItem.objects.published().filter(pk__in=item_ids).order_by("pk")
        for item in candidates.only("pk", "published_at"):
            _announcement, created = Announcement.objects.get_or_create(item_id=item.pk)
            if created:
                items.append(item)
        by_item = matching.by_item(items)
        for item in items:
            fan_out(item, by_item[item.pk], queue_batch=queue_batch)
    return [item.pk for item in items]


def fan_out(item, queries, *, queue_batch):
    """Write a Sent row for `item` and every subscription following one of `queries` that
    consented before the item was published, in batches; queue the immediate ones' batches."""
    if not queries:
        return
    followers = (
        matching.confirmed()
        .filter(query__in=queries, confirmed_at__lte=item.published_at)
        .order_by("pk")
        .values_list("pk", "frequency")
    )
    size = batch_size()
    batch = []
    for row in followers.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) == size:
            _write_batch(item, batch, queue_batch)
            batch = []
    if batch:
        _write_batch(item, batch, queue_batch)


def _write_batch(item, batch, queue_batch):
    Sent.objects.bulk_create(
        [Sent(subscription_id=pk, item_id=item.pk) for pk, _frequency in batch],
        ignore_conflicts=True,
    )
    immediate = [pk for pk, frequency in batch if frequency == Subscription.Frequency.IMMEDIATE]
    if immediate:
        transaction.on_commit(lambda: queue_batch(item.pk, immediate))


def due_items(now=None):
    """Ids of items public now, published within CATCH_UP and never announced: scheduled
    items whose time has come, and any public item the publishing path did not announce."""
    now = now or timezone.now()
    return list(
        NewsItem.objects.published()
        .filter(published_at__gt=now - CATCH_UP)
        .exclude(Exists(Announcement.objects.filter(item=OuterRef("pk"))))
        .order_by("published_at", "pk")
        .values_list("pk", flat=True)
    )


def _public(item_ids):
    """The ids among `item_ids` of items public now (published(): not withdrawn, not
    deleted, not taken back to draft)."""
    return set(NewsItem.objects.published().filter(pk__in=item_ids).values_list("pk", flat=True))


def _drop_unsent(rows):
    """Forget rows that will not be sent (their item is no longer public)."""
    Sent.objects.filter(pk__in=[row.pk for row in rows], sent_at__isnull=True).delete()


def send_batch(item_id, subscription_ids):
    """Send `item_id` to each of `subscription_ids` whose row is not marked sent, one email
    each over one SMTP connection, and mark each row as its mail is accepted.

    Exactly once, as far as SMTP allows: a row is marked right after the server accepted its
    mail, in its own statement (autocommit). The window is between the two: a worker that
    dies after the server's "250 OK" and before the mark sends that one mail again when the
    job is retried. Everything marked before is not sent again; nothing unmarked is lost.
    The batch is claimed first (claim()): a second copy of the job running at the same time
    (a broker redelivering a job that outlived its visibility timeout) sends nothing.
    """
    with claim(item_id, min(subscription_ids, default=0)) as claimed:
        if not claimed:
            log.info("Alerts: batch of item %s is being sent by another job.", item_id)
            return 0
        return _send_batch(item_id, subscription_ids)


def _send_batch(item_id, subscription_ids):
    from alerts import emails  # SIGN-UP's module: the messages' content

    rows = list(
        Sent.objects.filter(
            item_id=item_id, subscription_id__in=subscription_ids, sent_at__isnull=True
        )
        .select_related("subscription")
        .order_by("pk")
    )
    if not rows:
        return 0
    if not _public([item_id]):  # withdrawn (or unpublished) before it went out
        _drop_unsent(rows)
        log.info("Alerts: item %s no longer public; %d alerts dropped.", item_id, len(rows))
        return 0
    items = emails.read_items([item_id])
    sent = 0
    with mail.get_connection() as smtp, marks_without_waiting_for_disk():
        for row in rows:
            message = emails.alert_message(row.subscription, items)
            if _deliver(message, smtp, [row]):
                sent += 1
    return sent


@contextmanager
def claim(item_id, first_subscription_id):
    """Whether this job holds the batch (of `item_id`, or of the digests when it is None,
    named by its first subscription): a PostgreSQL advisory lock of the session, not of a
    transaction (each mark commits on its own), released at the end or when the worker's
    connection dies with it. Elsewhere (SQLite, one process) always held."""
    if connection.vendor != "postgresql":
        yield True
        return
    first = first_subscription_id & 0xFFFFFFFF
    key = -(first + 1) if item_id is None else item_id << 32 | first
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        claimed = cursor.fetchone()[0]
    try:
        yield claimed
    finally:
        if claimed:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def marks_without_waiting_for_disk():
    """PostgreSQL: each mark is its own commit, and waiting for the disk at each commit took
    4 ms, most of an email's time. Without the wait, a mark is lost only if the database
    server itself crashes within a fraction of a second after it (not when a worker dies):
    that mail would be sent again by the retried job, the window of send_batch() widened."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO DEFAULT")


def _deliver(message, smtp, rows):
    """Send `message`, which tells of the sent-log `rows` (one subscription's), and mark
    them; an address the server refuses is logged and its rows forgotten (retrying would
    not help). Other SMTP failures raise: the job is retried."""
    message.connection = smtp
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused:
        log.warning(
            "Alerts: the SMTP server refused the address of subscription %s.",
            rows[0].subscription_id,
        )
        Sent.objects.filter(pk__in=[row.pk for row in rows]).delete()
        return False
    # The window of a duplicate: accepted by the server, not yet marked.
    Sent.objects.filter(pk__in=[row.pk for row in rows]).update(sent_at=timezone.now())
    return True


def digest_subscriptions(now=None):
    """Ids of daily subscriptions with items waiting, and of any subscription with an item
    waiting for longer than CATCH_UP: its job gave up (the SMTP server was away for hours), or
    it changed from daily to immediate with items still waiting for the digest."""
    now = now or timezone.now()
    daily = Q(subscription__frequency=Subscription.Frequency.DAILY)
    return list(
        Sent.objects.filter(daily | Q(queued_at__lt=now - CATCH_UP), sent_at__isnull=True)
        .order_by("subscription_id")
        .values_list("subscription_id", flat=True)
        .distinct()
    )


def send_digests(subscription_ids):
    """Send each of `subscription_ids` one email with all its items not yet sent that are
    still public (a digest for daily subscriptions), and mark them; rows of items no longer
    public are forgotten."""
    with claim(None, min(subscription_ids, default=0)) as claimed:
        if not claimed:
            log.info("Alerts: these digests are being sent by another job.")
            return 0
        return _send_digests(subscription_ids)


def _send_digests(subscription_ids):
    from alerts import emails

    waiting = {}
    rows = Sent.objects.filter(subscription_id__in=subscription_ids, sent_at__isnull=True)
    for row in rows.order_by("subscription_id", "pk"):
        waiting.setdefault(row.subscription_id, []).append(row)
    if not waiting:
        return 0
    public = _public({row.item_id for rows in waiting.values() for row in rows})
    subscriptions = Subscription.objects.in_bulk(list(waiting))
    sent = 0
    with mail.get_connection() as smtp, marks_without_waiting_for_disk():
        for subscription_id, rows in waiting.items():
            _drop_unsent([row for row in rows if row.item_id not in public])
            rows = [row for row in rows if row.item_id in public]
            subscription = subscriptions.get(subscription_id)
            if not rows or subscription is None:
                continue
            items = emails.read_items([row.item_id for row in rows])
            daily = subscription.frequency == Subscription.Frequency.DAILY
            message = emails.alert_message(subscription, items, digest=daily)
            if _deliver(message, smtp, rows):
                Subscription.objects.filter(pk=subscription_id).update(
                    last_digest_at=timezone.now()
                )
                sent += 1
    return sent
