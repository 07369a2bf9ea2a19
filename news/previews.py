"""Shared preview links: made and revoked by those who may edit the item."""

import datetime
import secrets

from django.utils import timezone

from news.models import PreviewLink

DEFAULT_DAYS = 7
MAX_DAYS = 30


def create_link(item, user, days=DEFAULT_DAYS):
    """A new link to `item`'s preview, valid for `days` days (1 to MAX_DAYS)."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"A preview link lasts 1 to {MAX_DAYS} days, not {days}.")
    return PreviewLink.objects.create(
        news=item,
        token=secrets.token_urlsafe(32),
        created_by=user,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )


def revoke(link):
    """Stop `link` from working; revoking it again changes nothing."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link
