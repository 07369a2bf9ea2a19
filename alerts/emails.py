"""The content of the alert emails: the confirmation (double opt-in) and the alerts
themselves, in plain text and HTML, in the subscription's language.

Every link is absolute (SITE_BASE_URL). Every alert carries RFC 8058's one-click
unsubscribe headers and a manage link; alerts/tasks.py sends what these functions make.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alerts import tokens
from alerts.forms import describe
from news.models import NewsItem
from newsroom import facets, freshness
from newsroom.filters import Trees
from newsroom.public import public_address


def absolute(path):
    """`path` (site-relative) on the site's public address, SITE_BASE_URL."""
    return settings.SITE_BASE_URL.rstrip("/") + path


class _Words:
    """The filters of stored queries in words, kept per language while the publication state
    (newsroom/freshness.py) lasts: a fan-out of one item to thousands of subscriptions of a
    few queries reads the taxonomy once, not for every email."""

    token, by_query = None, {}

    @classmethod
    def of(cls, query):
        state = freshness.current()
        if state.token != cls.token:
            cls.token, cls.by_query = state.token, {}
        key = (translation.get_language(), query)
        if key not in cls.by_query:
            if len(cls.by_query) > 10_000:
                cls.by_query.clear()
            cls.by_query[key] = describe(query, Trees.load(state))
        return cls.by_query[key]


def list_url(subscription):
    """The /news/ view the subscription follows."""
    return absolute(facets.list_url(QueryDict(subscription.query)))


def confirmation_message(subscription):
    """The first email: the link that activates the subscription (GET shows a button)."""
    with translation.override(subscription.language):
        context = {
            "site_name": settings.SITE_NAME,
            "filters": _Words.of(subscription.query),
            "frequency": subscription.get_frequency_display(),
            "confirm_url": absolute(tokens.path(subscription, tokens.CONFIRM)),
            "list_url": list_url(subscription),
            "valid_days": tokens.MAX_AGE[tokens.CONFIRM] // (24 * 3600),
        }
        subject = _("Confirm your email alert from %(site)s") % {"site": settings.SITE_NAME}
        return _message(subscription, subject, "alerts/email/confirmation", context)


def alert_message(subscription, items, *, digest=False):
    """An alert listing `items` (from read_items()), with the one-click unsubscribe headers
    (RFC 8058) and a manage link."""
    with translation.override(subscription.language):
        unsubscribe_url = absolute(tokens.path(subscription, tokens.UNSUBSCRIBE))
        filters = _Words.of(subscription.query)
        context = {
            "site_name": settings.SITE_NAME,
            "filters": filters,
            "digest": digest,
            "entries": [_entry(item) for item in items],
            "list_url": list_url(subscription),
            "manage_url": absolute(tokens.path(subscription, tokens.MANAGE)),
            "unsubscribe_url": unsubscribe_url,
        }
        if digest:
            subject = ngettext(
                "%(site)s daily digest: %(count)d new item (%(filters)s)",
                "%(site)s daily digest: %(count)d new items (%(filters)s)",
                len(items),
            )
        else:
            subject = ngettext(
                "%(site)s: %(count)d new item (%(filters)s)",
                "%(site)s: %(count)d new items (%(filters)s)",
                len(items),
            )
        subject = subject % {
            "site": settings.SITE_NAME,
            "count": len(items),
            "filters": "; ".join(filters)[:120],
        }
        if len(items) == 1 and not digest:
            subject = f"{settings.SITE_NAME}: {items[0].title}"[:200]
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        return _message(subscription, subject, "alerts/email/alert", context, headers)


def read_items(item_ids):
    """The public ones of `item_ids` with what an alert shows (lead issuer joined), newest
    first; drafts, scheduled-not-yet-due and withdrawn items are left out."""
    return list(
        NewsItem.objects.published()
        .filter(pk__in=list(item_ids))
        .select_related("lead_structure")
        .defer("body", "search_vector")
        .order_by("-published_at", "-id")
    )


def _entry(item):
    link = public_address(item)
    return {
        "title": item.title,
        "url": absolute(link) if link else "",
        "date": item.date_issued
        or (timezone.localdate(item.published_at) if item.published_at else None),
        "issuer": str(item.lead_structure) if item.lead_structure_id else "",
        "lede": item.lede,
    }


class AlertEmail(EmailMultiAlternatives):
    """An email whose headers are not folded below RFC 5322's limit of 998 characters: the
    List-Unsubscribe address (about 150) stays on its header's line, as RFC 8058 shows it,
    instead of starting a continuation line that naive readers take as part of the value."""

    def message(self):
        message = super().message()
        message.policy = message.policy.clone(max_line_length=998)
        return message


def _message(subscription, subject, template, context, headers=None):
    # A subject is one line: a title with a line break would make a header of its own.
    subject = " ".join(str(subject).split())
    message = AlertEmail(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        # Sent by the site, not a person: no out-of-office replies (RFC 3834).
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
