"""Signed, expiring links in alert emails: confirm a subscription, manage it, unsubscribe.

No account: whoever holds the link acts on that one subscription. Each link is signed with
the site's secret and its purpose (a manage link does not confirm), and expires.
"""

from django.core import signing
from django.urls import reverse

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


def make(subscription, purpose):
    """A token for `purpose` on this subscription; it names the subscription and its address,
    so a token outlives neither a deleted subscription nor a changed address."""
    return _signer(purpose).sign_object([subscription.pk, subscription.email], compress=True)


def read(token, purpose):
    """The subscription's (pk, email) the token names, or None when it is forged, expired or
    made for another purpose. The caller checks the subscription still has that address."""
    try:
        pk, email = _signer(purpose).unsign_object(token, max_age=MAX_AGE[purpose])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(email, str):
        return None
    return pk, email


def path(subscription, purpose):
    """The site-relative address of the link (alerts/urls.py names them by purpose)."""
    return reverse(f"alerts:{purpose}", args=[make(subscription, purpose)])
