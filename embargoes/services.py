"""Setting an embargo, adding and revoking its recipients: writes that span the item, its
embargo and its recipients.

An embargo schedules the item's publication at its time through news.services, with the rules
and rights of the admin's publish action: only someone who may publish the item (an editor, or
a publisher with the right to publish, for their structures' items) may embargo it, and only a
draft, an item in review or a scheduled one (a live item is public already).
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from embargoes.models import Embargo, Recipient, digest
from news import services as news_services
from news.models import NewsItem
from news.permissions import may_publish
from news.services import Refused


def may_embargo(user, item):
    """Whether `user` may embargo `item` and manage its recipients: whether they may publish it."""
    return may_publish(user) and news_services.is_reachable(user, item)


def check(user, item, lifts_at):
    """Raise Refused unless `user` may embargo `item` until `lifts_at`."""
    if not may_embargo(user, item):
        raise Refused(_("Only someone who may publish this item may embargo it."), "forbidden")
    if not (item.is_hidden() or item.is_scheduled()):
        raise Refused(
            _("Only a draft, an item in review or a scheduled item can be embargoed."), "state"
        )
    if lifts_at is None or lifts_at <= timezone.now():
        raise Refused(_("An embargo lifts at a time still to come."), "time")


@transaction.atomic
def set_embargo(item, user, lifts_at, confirmed=False):
    """Embargo `item` until `lifts_at`: schedule its publication then (or move its scheduled
    time there) and return the Embargo. Raises Refused with the workflow's reasons (content
    missing, a closed structure to confirm)."""
    item = NewsItem.objects.select_for_update().get(pk=item.pk)
    check(user, item, lifts_at)
    if item.is_hidden():
        news_services.publish(
            item,
            user,
            at=lifts_at,
            confirmed=confirmed,
            note=_("Embargoed until %(time)s.") % {"time": news_services.local_time(lifts_at)},
        )
    elif item.published_at != lifts_at:
        news_services.reschedule(item, user, lifts_at)
    embargo, _created = Embargo.objects.update_or_create(
        news=item, defaults={"lifts_at": lifts_at, "created_by": user}
    )
    return embargo


def new_token():
    return secrets.token_urlsafe(32)


@transaction.atomic
def add_recipients(embargo, user, emails):
    """Give each address of `emails` its own link to the embargoed item and email it (once
    the transaction commits). An address with a working link keeps it; a revoked one gets a
    new link (the old one stays dead). Returns the recipients sent a link."""
    from embargoes import tasks

    if not may_embargo(user, embargo.news):
        raise Refused(_("Only someone who may publish this item may share it."), "forbidden")
    if embargo.has_lifted():
        raise Refused(_("The embargo has lifted: the item is public or due."), "state")
    existing = {recipient.email: recipient for recipient in embargo.recipients.all()}
    sent = []
    for email in dict.fromkeys(address.strip().lower() for address in emails):
        recipient = existing.get(email)
        if recipient is not None and recipient.revoked_at is None:
            continue
        token = new_token()
        if recipient is None:
            recipient = Recipient.objects.create(
                embargo=embargo, email=email, token_digest=digest(token), added_by=user
            )
        else:
            recipient.token_digest, recipient.revoked_at = digest(token), None
            recipient.added_by, recipient.sent_at = user, None
            recipient.save(update_fields=["token_digest", "revoked_at", "added_by", "sent_at"])
        # The token travels to the worker in the job's arguments and is then only in the email.
        transaction.on_commit(
            lambda pk=recipient.pk, token=token: tasks.send_link.delay(pk, token), robust=True
        )
        sent.append(recipient)
    return sent


def revoke(recipient, user):
    """Stop one recipient's link; the others keep theirs. Revoking again changes nothing."""
    if not may_embargo(user, recipient.embargo.news):
        raise Refused(
            _("Only someone who may publish this item may revoke its links."), "forbidden"
        )
    if recipient.revoked_at is None:
        recipient.revoked_at = timezone.now()
        recipient.save(update_fields=["revoked_at"])
    return recipient
