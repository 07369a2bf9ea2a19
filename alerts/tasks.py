"""The background jobs of email alerts, run by the Celery worker (osce_cms/celery.py).

Without a broker (the trial path) they run at once in the process that queues them. The
scheduler (celery beat, CELERY_BEAT_SCHEDULE in settings) runs announce_due every minute and
send_digests once a day. What they do is in alerts/delivery.py.
"""

import logging
import smtplib

from celery import shared_task
from django.core import mail
from django.db import OperationalError

from alerts import delivery
from alerts.models import Subscription

log = logging.getLogger(__name__)

# An SMTP server away or refusing for a while, a lock held by another job announcing the
# same item: tried again later, with growing delays. acks_late (settings) reruns a job
# whose worker died.
RETRIED = (OSError, smtplib.SMTPException, OperationalError)
RETRY = {
    "autoretry_for": RETRIED,
    "retry_backoff": 30,
    "retry_backoff_max": 15 * 60,
    "max_retries": 8,
}


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_confirmation(self, subscription_id):
    """Send the double opt-in email: nothing else is sent until its link is followed."""
    from alerts import emails  # SIGN-UP's module: the messages' content

    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed_at is not None:
        return  # unsubscribed meanwhile, or already confirmed: nothing to ask
    message = emails.confirmation_message(subscription)
    try:
        with mail.get_connection() as connection:
            message.connection = connection
            message.send()
    except OSError as error:  # SMTP server away: try again later, the address is kept
        raise self.retry(exc=error) from error


@shared_task(**RETRY)
def announce(item_ids):
    """Items just made public (queued by the publishing request, on commit): announce those
    never announced, and queue their batches."""
    return delivery.announce(item_ids, queue_batch=_queue_batch)


@shared_task(**RETRY)
def announce_due():
    """Every minute (beat): scheduled items whose time has come, and any public item not
    announced yet."""
    due = delivery.due_items()
    if due:
        return delivery.announce(due, queue_batch=_queue_batch)
    return []


@shared_task(**RETRY)
def send_batch(item_id, subscription_ids):
    """One batch of immediate alerts for one item (alerts/delivery.py send_batch())."""
    return delivery.send_batch(item_id, subscription_ids)


@shared_task(**RETRY)
def send_digests():
    """Once a day (beat): queue the daily digests, a batch of subscriptions per job."""
    waiting = delivery.digest_subscriptions()
    size = delivery.batch_size()
    for start in range(0, len(waiting), size):
        send_digest_batch.delay(waiting[start : start + size])
    return len(waiting)


@shared_task(**RETRY)
def send_digest_batch(subscription_ids):
    return delivery.send_digests(subscription_ids)


def _queue_batch(item_id, subscription_ids):
    send_batch.delay(item_id, subscription_ids)
