"""The background job of embargoes, run by the Celery worker (osce_cms/celery.py) like the
email alerts' (alerts/tasks.py): without a broker it runs at once in the process that queues it."""

import smtplib

from celery import shared_task
from django.core import mail
from django.utils import timezone

from embargoes import emails
from embargoes.models import Recipient, digest


# An SMTP server away or refusing for a while: tried again later, with growing delays.
@shared_task(
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=30,
    retry_backoff_max=15 * 60,
    max_retries=8,
)
def send_link(recipient_id, token):
    """Email a recipient their link to the embargoed item (plain text and HTML)."""
    recipient = Recipient.objects.select_related("embargo__news").filter(pk=recipient_id).first()
    if recipient is None or not recipient.is_usable() or recipient.token_digest != digest(token):
        return False  # revoked, given a new link or released meanwhile: nothing to send
    message = emails.link_message(recipient, token)
    with mail.get_connection() as connection:
        message.connection = connection
        message.send()
    Recipient.objects.filter(pk=recipient.pk).update(sent_at=timezone.now())
    return True
