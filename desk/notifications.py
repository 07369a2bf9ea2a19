"""The desk's emails: editors are told when an item is submitted for review, its authors
when it is published (or scheduled) and when it is returned to them with a comment.

Sent once the move's transaction commits, through Django's mail settings (EMAIL_URL; the
console on the trial path). A mail that fails is logged and never undoes or fails the move.
Recipients are those who may still reach the item (NewsItemQuerySet.editable_by), have an
address, and are not the one who moved it.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from news.models import NewsItem, Transition

logger = logging.getLogger(__name__)
Status = NewsItem.Status
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def item_moved(sender, item, transition, user, **kwargs):
    """news.services.moved: choose the mail the move calls for, and send it after commit."""
    if transition.to_status == Status.REVIEW:
        kind = "submitted"
    elif transition.to_status == Status.PUBLISHED and transition.from_status != Status.PUBLISHED:
        kind = "published"
    elif Transition.is_return(transition.from_status, transition.to_status, transition.note):
        kind = "returned"
    else:
        return
    transaction.on_commit(lambda: send(kind, item.pk, transition.pk))


def send(kind, item_id, transition_id):
    try:
        messages = build(kind, item_id, transition_id)
        if messages:
            get_connection().send_messages(messages)
    except Exception:
        # The move has committed: a mail server away must not turn it into an error page.
        logger.exception("Could not send the %s notification for news item %s", kind, item_id)


def build(kind, item_id, transition_id):
    """The messages for one move, one per recipient (no one sees the others' addresses)."""
    transition = Transition.objects.select_related("news__lead_structure", "by").get(
        pk=transition_id
    )
    item = transition.news
    recipients = editors_of(item) if kind == "submitted" else authors_of(item)
    recipients = [r for r in recipients if r.pk != transition.by_id]
    context = {
        "site_name": settings.SITE_NAME,
        "item": item,
        "transition": transition,
        "by": transition.by,
        "url": admin_url(item),
    }
    if kind == "submitted":
        subject = _("Submitted for review: %(title)s")
    elif kind == "returned":
        subject = _("Returned to you with a comment: %(title)s")
    elif item.is_scheduled():
        subject = _("Scheduled: %(title)s")
    else:
        subject = _("Published: %(title)s")
    subject = subject % {"title": item.title}
    return [
        EmailMessage(
            subject=subject,
            body=render_to_string(f"desk/email/{kind}.txt", {**context, "recipient": recipient}),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient.email],
        )
        for recipient in recipients
    ]


def admin_url(item):
    """The item's change page, absolute (SITE_BASE_URL: mail is sent outside a request)."""
    return settings.SITE_BASE_URL.rstrip("/") + reverse(
        "admin:news_newsitem_change", args=[item.pk]
    )


def staff_who_reach(users, item):
    """`users` narrowed to active staff with an address who may edit `item`."""
    return [
        user
        for user in users.filter(is_active=True, is_staff=True).exclude(email="").distinct()
        if NewsItem.objects.editable_by(user).filter(pk=item.pk).exists()
    ]


def editors_of(item):
    """Those who may publish `item`: editors of any structure, and those whose structure is the
    item's lead issuer or above it. Superusers are left out: an administrator's account is not
    a desk, and would be mailed every submission."""
    users = get_user_model().objects
    publishers = users.with_perm(
        "news.publish_newsitem", include_superusers=False, backend=MODEL_BACKEND
    )
    any_structure = users.with_perm(
        "news.edit_any_newsitem", include_superusers=False, backend=MODEL_BACKEND
    )
    reach = Q(pk__in=any_structure.values("pk"))
    if item.lead_structure_id:
        lead = item.lead_structure
        chain = [lead.pk, *(s.pk for s in lead.ancestors())]
        reach |= Q(structure_memberships__structure__in=chain)
    return staff_who_reach(publishers.filter(reach), item)


def authors_of(item):
    """Who wrote `item`: its creator and whoever submitted it for review."""
    users = get_user_model().objects
    submitters = Transition.objects.filter(news=item, to_status=Status.REVIEW).values("by")
    return staff_who_reach(users.filter(Q(pk=item.created_by_id) | Q(pk__in=submitters)), item)
