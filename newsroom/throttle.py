"""Per-client rate limits of what the public news pages make at a cost: searches and filtered
lists and feeds (NEWS_SEARCH_RATE, NEWS_LIST_RATE), counted in the shared cache with
django-ratelimit.

Only pages that are made count (freshness.respond() asks just before making one): a page
answered from the page cache or with a 304 costs next to nothing, and visitors behind one
address (an office, a mobile network) reading the same popular pages should not use up each
other's allowance; a client sending unique searches misses the cache every time and is
limited. Signed-in staff are not limited. When the cache cannot count (an outage), requests
are let through: the limit is a protection, not a reason to fail.
"""

import logging
import math

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

SEARCH = "news-search"
LIST = "news-list"


def limited(request):
    """A 429 response if this client has made too many pages of this kind, else None.

    Counts the request. Pages without query parameters (the plain list, item pages) are
    not limited.
    """
    if not request.GET or request.user.is_authenticated:
        return None
    if request.GET.get("q", "").strip():
        group, rate = SEARCH, settings.NEWS_SEARCH_RATE
        message = _("You have searched very often in a short time. Please wait a moment.")
    else:
        group, rate = LIST, settings.NEWS_LIST_RATE
        message = _("You have asked for many lists in a short time. Please wait a moment.")
    try:
        usage = get_usage(request, group=group, key="ip", rate=rate, increment=True)
    except Exception:  # A cache outage: count nothing rather than fail the page.
        logger.warning("Rate limit %s not checked: the cache failed.", group, exc_info=True)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    return too_many_requests(request, max(1, usage["time_left"]), message)


def too_many_requests(request, retry_after, message):
    """The styled 429 page, with Retry-After in seconds (also used for sign-in lockouts)."""
    response = render(
        request,
        "429.html",
        {"message": message, "retry_minutes": max(1, math.ceil(retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
