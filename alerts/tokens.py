"""Signed, expiring links in alert emails: confirm a subscription, manage it, unsubscribe.

No account: whoever holds the link acts on that one subscription. Each link is signed with
the site's secret and its purpose (a manage link does not confirm), and expires.
"""

from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM = "confirm"
MANAGE = "manage"
UNSUBSCRIBE = "unsubscribe"

# How long a link works: a confirmation must be followed soon; the links in an alert must
# still work when an old email is read.
MAX_AGE = {
    CONFIRM: 7 * 24 * 3600,
    MANAGE: 365 * 24 * 3600,
    UNSUBSCRIBE: 365 * 24 * 3600,
}


def _signer(purpose):
    return signing.TimestampSigner(salt=f"alerts.{purpose}")


def fingerprint(email):
    """A keyed digest of an address: a token names the address without showing it (a signed
    token is readable by anyone, and links end up in logs and browser histories)."""
    return salted_hmac("alerts.tokens.address", email.lower()).hexdigest()[:24]


def make(subscription, purpose):
    """A token for `purpose` on this subscription; it names the subscription and its address,
    so a token outlives neither a deleted subscription nor a changed address."""
    return _signer(purpose).sign_object([subscription.pk, fingerprint(subscription.email)])


def read(token, purpose):
    """(pk, address fingerprint) of the subscription the token names, or None when it is
    forged, expired or made for another purpose. names() checks a subscription against it."""
    try:
        pk, address = _signer(purpose).unsign_object(token, max_age=MAX_AGE[purpose])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(address, str):
        return None
    return pk, address


def names(found, subscription):
    """Whether `found` (from read()) names `subscription`, at the address it has now."""
    if found is None or subscription is None or subscription.pk != found[0]:
        return False
    return constant_time_compare(fingerprint(subscription.email), found[1])


def path(subscription, purpose):
    """The site-relative address of the link (alerts/urls.py names them by purpose)."""
    return reverse(f"alerts:{purpose}", args=[make(subscription, purpose)])
