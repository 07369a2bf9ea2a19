"""Alerts go out when items become public, once per subscriber, through a real SMTP server.

Jobs run at once here (no broker in tests); the same jobs on a real worker and Redis are in
test_worker.py. Work queued "on commit" runs when the block of `committed` ends.
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from alerts import delivery, tasks
from alerts.models import Announcement, Sent, Subscription
from news.models import NewsItem
from tests.factories import FieldOfWorkFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

IMMEDIATE = Subscription.Frequency.IMMEDIATE
DAILY = Subscription.Frequency.DAILY


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block at whose end the work queued on commit runs, as it does after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def water():
    return FieldOfWorkFactory(name="Water security", slug="water-security")


@pytest.fixture
def media():
    return FieldOfWorkFactory(name="Media freedom", slug="media-freedom")


def subscribe(email, query="", frequency=IMMEDIATE, confirmed=True):
    """A subscription whose address consented a minute ago (or not at all)."""
    return Subscription.objects.create(
        email=email,
        query=query,
        frequency=frequency,
        confirmed_at=timezone.now() - datetime.timedelta(minutes=1) if confirmed else None,
    )


def publish(item, committed, at=None):
    """Publish `item` now (or at `at`), as the publishing request does."""
    with committed():
        item.status = NewsItem.Status.PUBLISHED
        item.published_at = at
        item.save()
    return item


def draft(title, *fields, **kwargs):
    return NewsItemFactory(title=title, fields_of_work=list(fields), **kwargs)


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def alerts_to(inbox, address):
    return [m for m in inbox.to(address) if "List-Unsubscribe" in m]


def test_subscribe_confirm_publish_receive_one_alert_unsubscribe_receive_nothing_more(
    client, smtp_server, committed, water, media
):
    """The issue's journey, through the visitor's pages and a real SMTP server."""
    address = "reader@example.org"
    with committed():
        response = client.post(
            reverse("alerts:signup") + "?field=water-security",
            {"email": address, "frequency": IMMEDIATE},
        )
    assert response.status_code == 200
    [confirmation] = smtp_server.to(address)
    confirm_url = re.search(r"https?://\S+/confirm/\S+/", text_of(confirmation)).group(0)

    # Nothing is sent before the address consents.
    publish(draft("Before consent on water", water), committed)
    assert alerts_to(smtp_server, address) == []

    response = client.post(re.sub(r"^https?://[^/]+", "", confirm_url))
    assert response.status_code == 200
    assert Subscription.objects.get(email=address).confirmed_at is not None

    publish(draft("Rivers shared across borders", water), committed)
    publish(draft("Journalists' safety", media), committed)

    [alert] = alerts_to(smtp_server, address)
    assert "Rivers shared across borders" in text_of(alert)
    assert "Rivers shared across borders" in html_of(alert)
    assert "Journalists' safety" not in text_of(alert)
    assert "Before consent on water" not in text_of(alert)

    # One-click unsubscribe (RFC 8058): one POST to the header's address, no cookie.
    unsubscribe_url = alert["List-Unsubscribe"].strip("<>")
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.cookies.clear()
    response = client.post(
        re.sub(r"^https?://[^/]+", "", unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=address).exists()
    assert not Sent.objects.exists()

    publish(draft("More about water", water), committed)
    assert len(alerts_to(smtp_server, address)) == 1


def test_each_subscriber_is_sent_the_item_once_with_its_own_links(
    smtp_server, committed, water, media
):
    subscribe("water@example.org", "field=water-security")
    subscribe("either@example.org", "field=media-freedom&field=water-security")
    subscribe("everything@example.org", "")
    subscribe("media@example.org", "field=media-freedom")

    item = publish(draft("Rivers shared across borders", water), committed)

    for address in ["water@example.org", "either@example.org", "everything@example.org"]:
        [alert] = smtp_server.to(address)
        assert "Rivers shared across borders" in text_of(alert)
        assert alert["To"] == address
    assert smtp_server.to("media@example.org") == []
    tokens_in_links = {m["List-Unsubscribe"] for m in smtp_server.messages}
    assert len(tokens_in_links) == 3
    assert Sent.objects.filter(item=item, sent_at__isnull=False).count() == 3


def test_a_search_and_a_country_filter_are_matched_as_the_list_matches_them(
    smtp_server, committed, water
):
    subscribe("search@example.org", "q=river")
    subscribe("other-search@example.org", "q=mountain")

    publish(draft("A river between two countries", water), committed)

    assert len(smtp_server.to("search@example.org")) == 1
    assert smtp_server.to("other-search@example.org") == []


@pytest.mark.parametrize("status", [NewsItem.Status.DRAFT, NewsItem.Status.REVIEW])
def test_drafts_and_items_in_review_are_never_announced(smtp_server, committed, water, status):
    subscribe("water@example.org", "field=water-security")

    with committed():
        item = draft("Not yet", water, status=status)
        item.title = "Still not yet"
        item.save()
    with committed():
        tasks.announce_due.delay()

    assert smtp_server.messages == []
    assert not Announcement.objects.exists()


def test_editing_a_published_item_does_not_announce_it_again(smtp_server, committed, water):
    subscribe("water@example.org", "field=water-security")
    item = publish(draft("Rivers", water), committed)

    with committed():
        item.title = "Rivers, corrected"
        item.save()
    with committed():
        tasks.announce_due.delay()

    assert len(smtp_server.to("water@example.org")) == 1


def test_publishing_again_after_a_withdrawal_does_not_announce_again(smtp_server, committed, water):
    subscribe("water@example.org", "field=water-security")
    item = publish(draft("Rivers", water), committed)
    with committed():
        item.status = NewsItem.Status.WITHDRAWN
        item.withdrawn_at = timezone.now()
        item.save()

    publish(item, committed, at=timezone.now())

    assert len(smtp_server.to("water@example.org")) == 1


def test_scheduled_item_is_announced_once_its_time_has_come(smtp_server, committed, water):
    subscribe("water@example.org", "field=water-security")
    later = timezone.now() + datetime.timedelta(hours=2)
    item = publish(draft("Scheduled rivers", water), committed, at=later)

    with committed():
        tasks.announce_due.delay()
    assert smtp_server.messages == []

    # Its time comes (two hours pass for the item).
    NewsItem.objects.filter(pk=item.pk).update(published_at=timezone.now())
    with committed():
        tasks.announce_due.delay()
    with committed():
        tasks.announce_due.delay()

    [alert] = smtp_server.to("water@example.org")
    assert "Scheduled rivers" in text_of(alert)


def test_item_withdrawn_before_its_alerts_go_out_is_not_sent(smtp_server, committed, water):
    subscribe("one@example.org", "field=water-security")
    subscribe("two@example.org", "field=water-security")
    item = draft("Soon withdrawn", water)
    item.status, item.published_at = NewsItem.Status.PUBLISHED, timezone.now()
    NewsItem.objects.filter(pk=item.pk).update(status=item.status, published_at=item.published_at)

    batches = []
    with committed():
        delivery.announce([item.pk], queue_batch=lambda *batch: batches.append(batch))
    assert Sent.objects.filter(item=item).count() == 2
    with committed():
        item.status, item.withdrawn_at = NewsItem.Status.WITHDRAWN, timezone.now()
        item.save()
    for batch in batches:
        tasks.send_batch.delay(*batch)

    assert smtp_server.messages == []
    assert not Sent.objects.filter(item=item).exists()


def test_a_job_retried_after_a_crash_mid_batch_sends_the_rest_only(
    smtp_server, committed, water, monkeypatch, settings
):
    settings.ALERTS_BATCH_SIZE = 10
    addresses = [f"reader{n}@example.org" for n in range(10)]
    for address in addresses:
        subscribe(address, "field=water-security")
    item = draft("Rivers", water)

    # The worker dies after three mails went out.
    from django.core.mail.backends.smtp import EmailBackend

    real_send = EmailBackend.send_messages
    sends = []

    def crashing_send(backend, messages):
        if len(sends) == 3:
            raise RuntimeError("worker killed")
        sends.append(messages)
        return real_send(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", crashing_send)
    with pytest.raises(RuntimeError):
        publish(item, committed)
    assert len(smtp_server.messages) == 3
    assert Sent.objects.filter(item=item, sent_at__isnull=False).count() == 3

    # The broker hands the job to another worker: it sends the seven not marked.
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    subscription_ids = list(Subscription.objects.values_list("pk", flat=True))
    tasks.send_batch.delay(item.pk, subscription_ids)
    tasks.send_batch.delay(item.pk, subscription_ids)  # and once more: nothing

    for address in addresses:
        assert len(smtp_server.to(address)) == 1
    assert len(smtp_server.messages) == 10
    assert Sent.objects.filter(item=item, sent_at__isnull=True).count() == 0


def test_fan_out_in_batches_queues_one_job_per_batch(smtp_server, committed, water, settings):
    settings.ALERTS_BATCH_SIZE = 4
    for n in range(10):
        subscribe(f"reader{n}@example.org", "field=water-security")
    subscribe("digest@example.org", "field=water-security", frequency=DAILY)
    item = draft("Rivers", water)
    NewsItem.objects.filter(pk=item.pk).update(
        status=NewsItem.Status.PUBLISHED, published_at=timezone.now()
    )

    batches = []
    with committed():
        delivery.announce([item.pk], queue_batch=lambda *batch: batches.append(batch))

    # Eleven subscriptions in batches of four; the daily one (the last) is in no job.
    assert [len(ids) for _item, ids in batches] == [4, 4, 2]
    immediate = Subscription.objects.filter(frequency=IMMEDIATE).values_list("pk", flat=True)
    assert sorted(pk for _item, ids in batches for pk in ids) == sorted(immediate)
    assert Sent.objects.filter(item=item).count() == 11  # the digest's row waits
    assert smtp_server.messages == []


def test_unconfirmed_subscriptions_and_later_consents_receive_nothing(
    smtp_server, committed, water
):
    subscribe("unconfirmed@example.org", "field=water-security", confirmed=False)
    item = publish(draft("Rivers", water), committed)
    later = subscribe("later@example.org", "field=water-security")
    Subscription.objects.filter(pk=later.pk).update(
        confirmed_at=item.published_at + datetime.timedelta(seconds=1)
    )
    Announcement.objects.all().delete()  # as if it had not been announced yet

    with committed():
        tasks.announce_due.delay()

    assert smtp_server.messages == []


def test_daily_digest_gathers_the_items_into_one_email(smtp_server, committed, water, media):
    subscribe("digest@example.org", "field=water-security", frequency=DAILY)
    subscribe("now@example.org", "field=water-security")
    publish(draft("Rivers", water), committed)
    publish(draft("Lakes", water), committed)
    publish(draft("Journalists", media), committed)
    withdrawn = publish(draft("Withdrawn wells", water), committed)
    with committed():
        withdrawn.status, withdrawn.withdrawn_at = NewsItem.Status.WITHDRAWN, timezone.now()
        withdrawn.save()
    assert smtp_server.to("digest@example.org") == []
    assert len(smtp_server.to("now@example.org")) == 3

    with committed():
        tasks.send_digests.delay()
    with committed():
        tasks.send_digests.delay()

    [digest] = smtp_server.to("digest@example.org")
    body = text_of(digest)
    assert "Rivers" in body and "Lakes" in body
    assert "Journalists" not in body and "Withdrawn wells" not in body
    assert Subscription.objects.get(email="digest@example.org").last_digest_at is not None
    assert not Sent.objects.filter(sent_at__isnull=True).exists()


def test_a_stored_query_that_no_longer_reads_is_skipped_and_logged(
    smtp_server, committed, water, caplog
):
    subscribe("gone@example.org", "field=a-field-since-deleted")
    subscribe("bad-date@example.org", "from=not-a-date")
    subscribe("water@example.org", "field=water-security")

    publish(draft("Rivers", water), committed)

    assert len(smtp_server.to("water@example.org")) == 1
    assert smtp_server.to("gone@example.org") == []
    assert "a-field-since-deleted" in caplog.text


def test_publishing_sends_nothing_before_its_transaction_commits(
    smtp_server, water, committed, django_capture_on_commit_callbacks
):
    subscribe("water@example.org", "field=water-security")
    item = draft("Rivers", water)
    with django_capture_on_commit_callbacks() as waiting:
        item.status = NewsItem.Status.PUBLISHED
        item.save()

    assert smtp_server.messages == []  # the request is over: nothing was sent in it
    assert not Announcement.objects.exists()

    with committed():  # the commit
        for callback in waiting:
            callback()
    assert len(smtp_server.to("water@example.org")) == 1


def test_a_broker_away_fails_no_publishing_and_the_scheduler_announces_later(
    smtp_server, committed, water, monkeypatch
):
    subscribe("water@example.org", "field=water-security")

    def broker_away(*args, **kwargs):
        raise ConnectionRefusedError("Redis is away")

    with monkeypatch.context() as patched:
        patched.setattr(tasks.announce, "delay", broker_away)
        item = publish(draft("Rivers", water), committed)  # does not raise
    assert NewsItem.objects.published().filter(pk=item.pk).exists()
    assert smtp_server.messages == []

    with committed():
        call_command("send_alerts", stdout=StringIO())  # what the scheduler runs each minute

    [alert] = smtp_server.to("water@example.org")
    assert "Rivers" in text_of(alert)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks: PostgreSQL")
def test_a_batch_sent_by_another_job_at_the_same_time_is_not_sent_twice(
    smtp_server, committed, water
):
    subscription = subscribe("water@example.org", "field=water-security")
    item = draft("Rivers", water)
    NewsItem.objects.filter(pk=item.pk).update(
        status=NewsItem.Status.PUBLISHED, published_at=timezone.now()
    )
    batches = []
    with committed():
        delivery.announce([item.pk], queue_batch=lambda *batch: batches.append(batch))
    [batch] = batches

    other_job = connections.create_connection("default")  # a second worker's connection
    try:
        with other_job.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [item.pk << 32 | subscription.pk])
        assert tasks.send_batch.delay(*batch).get() == 0
        assert smtp_server.messages == []
        with other_job.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [item.pk << 32 | subscription.pk])
    finally:
        other_job.close()

    assert tasks.send_batch.delay(*batch).get() == 1
    assert len(smtp_server.to("water@example.org")) == 1


@pytest.fixture
def refusing_smtp_server(smtp_server, settings):
    """The test's SMTP server, but one that refuses the addresses at refused.example.org."""
    from aiosmtpd.controller import Controller

    from tests.alerts.conftest import free_port

    class Refusing(type(smtp_server)):
        async def handle_RCPT(self, server, session, envelope, address, options):
            if address.endswith("@refused.example.org"):
                return "550 No such user"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    inbox = Refusing()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_PORT = controller.port
    try:
        yield inbox
    finally:
        controller.stop()


def test_an_address_the_server_refuses_is_forgotten_and_the_others_are_sent(
    refusing_smtp_server, committed, water
):
    subscribe("gone@refused.example.org", "field=water-security")
    subscribe("water@example.org", "field=water-security")

    item = publish(draft("Rivers", water), committed)

    assert len(refusing_smtp_server.to("water@example.org")) == 1
    [row] = Sent.objects.filter(item=item)  # the refused address's row is gone
    assert row.subscription.email == "water@example.org"
    assert row.sent_at is not None


def test_alerts_left_unsent_for_a_day_go_out_with_the_digests(smtp_server, committed, water):
    subscription = subscribe("water@example.org", "field=water-security")
    item = draft("Rivers", water)
    NewsItem.objects.filter(pk=item.pk).update(
        status=NewsItem.Status.PUBLISHED, published_at=timezone.now()
    )
    with committed():  # announced, but its batch never ran (the job gave up)
        delivery.announce([item.pk], queue_batch=lambda *batch: None)
    with committed():
        tasks.send_digests.delay()
    assert smtp_server.messages == []  # an immediate alert is not a day late yet

    Sent.objects.filter(subscription=subscription).update(
        queued_at=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    with committed():
        tasks.send_digests.delay()

    [alert] = smtp_server.to("water@example.org")
    assert "Rivers" in text_of(alert)
