"""The visitor's side of email alerts: sign up for a view of /news/, confirm (double
opt-in), manage and unsubscribe through signed links, with no account.

Public pages set no cookies: no CSRF token, no session, no messages. The posts of these
pages are exempt from CSRF (see each view for why that is safe), and none of them takes an
address to go to from the request (no open redirect): each answers with its own page.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage

from alerts import tasks, tokens
from alerts.forms import (
    QUERY_MAX_LENGTH,
    FrequencyForm,
    SignupForm,
    canonical_query,
    describe,
    described,
    errors_of,
    filterset_of,
)
from alerts.models import Subscription
from news import languages
from newsroom import facets, freshness
from newsroom import index as news_index
from newsroom.filters import Trees
from newsroom.throttle import too_many_requests

logger = logging.getLogger(__name__)

SIGNUP_CLIENT = "alerts-signup-client"
SIGNUP_ADDRESS = "alerts-signup-address"


def _page(request, template, context=None, status=200):
    response = render(request, template, context or {}, status=status)
    # Pages reached by a signed link are private to its holder: kept by no cache.
    add_never_cache_headers(response)
    return response


# Signing up.


def _filters(request_query):
    """(canonical query, filterset, errors) of the list's filters in `request_query`."""
    query = canonical_query(request_query)
    if len(query) > QUERY_MAX_LENGTH:
        return query, None, [_("These filters are too long to follow by email.")]
    # The taxonomy's terms from the cache while nothing public changes, as the list reads them.
    filterset = filterset_of(query, Trees.load(freshness.current()))
    if not filterset.is_valid():
        return query, filterset, errors_of(filterset)
    return query, filterset, []


def _over_limit(request, group, key, rate):
    """The usage of rate `group` for this request, counted; None if it cannot be counted."""
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    except Exception:  # a cache outage: the limit is a protection, not a reason to fail
        logger.warning("Rate limit %s not checked: the cache failed.", group, exc_info=True)
        return None
    if usage is None or not usage["should_limit"]:
        return None
    return usage


def _limited(request, message, usage):
    return too_many_requests(request, max(1, usage["time_left"]), message)


# Signing up needs no CSRF token: the form carries no credential of the visitor's, and what
# a forged post can do (ask for a confirmation email to an address) anyone can do by posting
# it themselves; it is rate-limited per client and per address, and nothing is sent but the
# confirmation until its link is followed. Asking for a token would set a cookie.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    """/alerts/?<the list's filters>: the filters in words, an address and a frequency.

    The answer to a post is the same whatever the address's state (new, waiting for
    confirmation, already confirmed): a new or unconfirmed subscription is sent a
    confirmation email; an already confirmed one is sent nothing new.
    """
    query, filterset, errors = _filters(request.GET)
    context = {"query": query, "errors": errors}
    if errors:
        return _page(request, "alerts/signup_invalid.html", context, status=400)
    context["filters"] = described(filterset)

    if request.method != "POST":
        context["form"] = SignupForm(initial={"frequency": Subscription.Frequency.IMMEDIATE})
        return _page(request, "alerts/signup.html", context)

    usage = _over_limit(request, SIGNUP_CLIENT, "ip", settings.ALERTS_SIGNUP_RATE)
    if usage:
        message = _("You have asked for many email alerts in a short time. Please wait a moment.")
        return _limited(request, message, usage)
    form = SignupForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return _page(request, "alerts/signup.html", context, status=400)

    email = form.cleaned_data["email"]
    usage = _over_limit(
        request,
        SIGNUP_ADDRESS,
        lambda group, request: email,
        settings.ALERTS_SIGNUP_ADDRESS_RATE,
    )
    if usage:
        message = _("This address was given many times in a short time. Please wait a moment.")
        return _limited(request, message, usage)

    forget_unconfirmed()
    subscribe(email, query, form.cleaned_data["frequency"], translation.get_language())
    return _page(request, "alerts/check_inbox.html", context)


def subscribe(email, query, frequency, language):
    """Record the wish and ask for confirmation, unless the address already follows `query`
    with its consent (then nothing is sent) or has as many alerts as it may have."""
    with transaction.atomic():
        existing = Subscription.objects.select_for_update().filter(email=email, query=query)
        subscription = existing.first()
        if subscription is None:
            if _at_cap(email):
                logger.info("Alert sign-up refused: the address has %s alerts.", _cap())
                return None
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(
                        email=email, query=query, frequency=frequency, language=language
                    )
            except IntegrityError:  # the same sign-up at the same time: it is there now
                return None
        elif subscription.confirmed_at is not None:
            return subscription  # already confirmed: nothing new is sent
        else:
            subscription.frequency, subscription.language = frequency, language
            subscription.save(update_fields=["frequency", "language"])
        tasks.send_confirmation.delay_on_commit(subscription.pk)
    return subscription


def forget_unconfirmed():
    """Delete the sign-ups whose confirmation link has expired: an address that never
    consented is not kept. Run at each sign-up (a periodic job would do it without one)."""
    expired = timezone.now() - timezone.timedelta(seconds=tokens.MAX_AGE[tokens.CONFIRM])
    Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=expired).delete()


def _cap():
    return settings.ALERTS_MAX_PER_ADDRESS


def _at_cap(email):
    """Whether `email` has as many alerts as it may, confirmed or waiting for confirmation
    (forget_unconfirmed() has removed those that can no longer be confirmed)."""
    return Subscription.objects.filter(email=email).count() >= _cap()


# The signed links. A post to them needs no CSRF token: the token in the address is the only
# credential, and there is no ambient one (no account, no cookie) that a forged post could
# use; only whoever holds the link can make the post.


def _subscription(token, purpose):
    """(the subscription or None when it is gone, what the token names or None when it is
    forged, expired or for another purpose)."""
    found = tokens.read(token, purpose)
    if found is None:
        return None, None
    subscription = Subscription.objects.filter(pk=found[0]).first()
    return (subscription if tokens.names(found, subscription) else None), found


def _bad_link(request, purpose):
    return _page(request, "alerts/bad_link.html", {"purpose": purpose}, status=400)


def _gone(request):
    return _page(request, "alerts/gone.html", status=404)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The confirmation link: GET shows a button (a link prefetcher or scanner that opens it
    confirms nothing), POST records the consent time."""
    subscription, found = _subscription(token, tokens.CONFIRM)
    if found is None:
        return _bad_link(request, tokens.CONFIRM)
    if subscription is None:
        return _gone(request)
    if request.method == "POST" and subscription.confirmed_at is None:
        Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        subscription.refresh_from_db()
    context = {
        "subscription": subscription,
        "filters": describe(subscription.query),
        "manage_url": tokens.path(subscription, tokens.MANAGE),
    }
    template = "alerts/confirmed.html" if subscription.confirmed_at else "alerts/confirm.html"
    return _page(request, template, context)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    """The manage page: how often, which filters, or delete."""
    subscription, found = _subscription(token, tokens.MANAGE)
    if found is None:
        return _bad_link(request, tokens.MANAGE)
    if subscription is None:
        return _gone(request)

    action = request.POST.get("action") if request.method == "POST" else None
    frequency_form = FrequencyForm(initial={"frequency": subscription.frequency})
    filter_data = QueryDict(subscription.query)
    status, notice = 200, ""
    if action == "delete":
        subscription.delete()
        return _page(request, "alerts/deleted.html")
    if action == "frequency":
        frequency_form = FrequencyForm(request.POST)
        if frequency_form.is_valid():
            subscription.frequency = frequency_form.cleaned_data["frequency"]
            subscription.save(update_fields=["frequency"])
            notice = _("Saved: how often you receive this alert.")
        else:
            status = 400
    elif action == "filters":
        filter_data = request.POST
        subscription, notice, status = _change_filters(subscription, request.POST)
    elif action == "list-address":
        filter_data = _list_filters(request.POST.get("address", ""))
        if filter_data is None:
            filter_data = QueryDict(subscription.query)
            status = 400
            notice = _(
                "This is not the address of a view of the news list: copy it from the "
                "browser's address bar while the news list shows the filters you want."
            )
        else:
            subscription, notice, status = _change_filters(subscription, filter_data)
    elif action is not None:
        status = 400
        notice = _("This form was not understood. Nothing was changed.")

    query, filterset, errors = _filters(filter_data)
    if filterset is None:
        filterset = filterset_of("")
    filterset.is_valid()
    shown = facets.build(filterset, filter_data, span=news_index.current().year_span())
    context = {
        "subscription": subscription,
        "filters": describe(subscription.query),
        "frequency_form": frequency_form,
        "filter_form": filterset.form,
        "facets": shown,
        "filter_errors": errors,
        "notice": notice,
        "list_url": _list_url(subscription.query),
        "list_example": f"{settings.SITE_BASE_URL}{reverse('news:list')}?field=…",
    }
    return _page(request, "alerts/manage.html", context, status=status)


def _list_url(query):
    """The list's own address of the stored `query` (its parameters in the list's order)."""
    return facets.list_url(QueryDict(query))


def _list_filters(address):
    """The filters (a QueryDict) of `address`, a news list URL on this site as a visitor
    copies it (absolute, on SITE_BASE_URL or relative), or None when it is not one. Only the
    filters are read: nothing of the address is followed."""
    try:
        parts = urlsplit(address.strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.netloc and parts.netloc != urlsplit(settings.SITE_BASE_URL).netloc:
        return None
    if parts.path not in _list_paths():
        return None
    return QueryDict(parts.query)


def _list_paths():
    """The news list's address in every language, and without one (which redirects)."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("news:list"))
    return paths | {languages.unprefixed(path) for path in paths}


def _change_filters(subscription, data):
    """(subscription, notice, status) after replacing its filters by those in `data`."""
    query, _filterset, errors = _filters(data)
    if errors:
        return subscription, _("The filters were not changed: some are not valid."), 400
    if query == subscription.query:
        return subscription, _("These are already the filters of this alert."), 200
    if Subscription.objects.filter(email=subscription.email, query=query).exists():
        return (
            subscription,
            _("You already have an alert for these filters. This one was not changed."),
            409,
        )
    subscription.query = query
    try:
        with transaction.atomic():
            subscription.save(update_fields=["query"])
    except IntegrityError:
        subscription.refresh_from_db()
        return (
            subscription,
            _("You already have an alert for these filters. This one was not changed."),
            409,
        )
    return subscription, _("Saved: the filters of this alert."), 200


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button. POST (also RFC 8058's one-click post from a mail client,
    "List-Unsubscribe=One-Click", with no cookie): the subscription and its sent log are
    deleted. The answer is the same when it was already gone."""
    subscription, found = _subscription(token, tokens.UNSUBSCRIBE)
    if found is None:
        return _bad_link(request, tokens.UNSUBSCRIBE)
    if request.method == "POST":
        # The sent log goes with it (on_delete=CASCADE): nothing of this alert is kept.
        if subscription is not None:
            subscription.delete()
        return _page(request, "alerts/unsubscribed.html")
    if subscription is None:
        return _page(request, "alerts/unsubscribed.html")
    context = {"subscription": subscription, "filters": describe(subscription.query)}
    return _page(request, "alerts/unsubscribe.html", context)
