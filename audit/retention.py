"""How long the audit log keeps its entries (AUDIT_RETENTION_DAYS)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.models import Entry


@transaction.atomic
def prune(days=None):
    """Delete the entries older than `days` (by default the setting); return how many."""
    days = settings.AUDIT_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    count, _by_model = Entry.objects.filter(at__lt=cutoff).delete()
    return count
