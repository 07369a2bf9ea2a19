"""The background jobs of email alerts, run by the Celery worker (osce_cms/celery.py).

Without a broker (the trial path) they run at once in the process that queues them.
"""

import logging

from celery import shared_task
from django.core import mail

from alerts.models import Subscription

log = logging.getLogger(__name__)


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
