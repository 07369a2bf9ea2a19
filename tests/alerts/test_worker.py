"""The queue path proven: jobs go through Redis to a real Celery worker, which sends through
a real SMTP server. Skipped only when Redis is not reachable."""

import datetime
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from celery.worker import state
from django.db import transaction
from django.utils import timezone

from alerts import tasks
from alerts.models import Sent, Subscription
from news.models import NewsItem
from osce_cms.celery import app
from tests.factories import FieldOfWorkFactory, NewsItemFactory

# A Redis database of these tests' own: flushed before and after.
BROKER_URL = "redis://127.0.0.1:6379/11"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def broker():
    client = redis.Redis.from_url(BROKER_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {BROKER_URL}")
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def fresh_connections():
    """Forget the app's pool of broker connections: eager jobs (the other tests) also take a
    producer from it, made for the broker configured then, and it would outlive a change."""
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def worker(broker, smtp_server):
    """A Celery worker in a thread, on Redis; jobs are no longer run where they are queued."""
    saved = {name: app.conf[name] for name in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=BROKER_URL, task_always_eager=False)
    fresh_connections()
    try:
        with start_worker(app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=20):
            yield
    finally:
        app.conf.update(saved)
        fresh_connections()


def wait_for(condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_alerts_go_through_redis_to_a_worker_which_sends_them(worker, smtp_server):
    water = FieldOfWorkFactory(name="Water security", slug="water-security")
    media = FieldOfWorkFactory(name="Media freedom", slug="media-freedom")
    consent = timezone.now() - datetime.timedelta(minutes=1)
    for n in range(3):
        Subscription.objects.create(
            email=f"reader{n}@example.org", query="field=water-security", confirmed_at=consent
        )
    Subscription.objects.create(email="unconfirmed@example.org", query="field=water-security")
    rivers = NewsItemFactory(title="Rivers shared across borders", fields_of_work=[water])
    journalists = NewsItemFactory(title="Journalists' safety", fields_of_work=[media])

    started = time.monotonic()
    with transaction.atomic():  # the publishing request
        for item in (rivers, journalists):
            item.status = NewsItem.Status.PUBLISHED
            item.save()
    assert time.monotonic() - started < 1  # it only queued

    assert wait_for(lambda: len(smtp_server.messages) >= 3)
    for n in range(3):
        [alert] = smtp_server.to(f"reader{n}@example.org")
        assert "Rivers shared across borders" in alert.get_body(("plain",)).get_content()
    assert wait_for(lambda: not Sent.objects.filter(sent_at__isnull=True).exists())

    # A scheduled item: the scheduler's job, through the queue, once its time has come.
    scheduled = NewsItemFactory(title="Scheduled lakes", fields_of_work=[water])
    NewsItem.objects.filter(pk=scheduled.pk).update(
        status=NewsItem.Status.PUBLISHED, published_at=timezone.now()
    )
    tasks.announce_due.delay()
    assert wait_for(lambda: len(smtp_server.messages) >= 6)
    time.sleep(0.5)  # anything more would have come by now

    assert len(smtp_server.messages) == 6
    # Run by the worker, from the queue (jobs run where they are queued are not counted).
    for name in ("announce", "announce_due", "send_batch"):
        assert state.total_count[f"alerts.tasks.{name}"] >= 1
    assert smtp_server.to("unconfirmed@example.org") == []
    assert all("Journalists" not in m["Subject"] for m in smtp_server.messages)
