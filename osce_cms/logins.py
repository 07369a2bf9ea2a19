"""Sign-in throttling with django-axes: an account is locked for one client after
AXES_FAILURE_LIMIT failed sign-ins from it, and a client for every account after
AXES_CLIENT_FAILURE_LIMIT, both for AXES_COOLOFF_TIME. Locking the account alone would let
anyone lock staff out; locking only the pair would let one client try every account.
"""

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.db.models import Sum
from django.utils.translation import gettext as _

from newsroom.throttle import too_many_requests


class LoginAttempts(AxesDatabaseHandler):
    """Axes' database handler with a second, higher limit for a client over all accounts.

    Needs AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"], in that
    order: the failures of the pair, then of the client.
    """

    def get_failures(self, request, credentials=None):
        by_pair, by_client = (
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_client >= settings.AXES_CLIENT_FAILURE_LIMIT:
            return max(by_pair, settings.AXES_FAILURE_LIMIT)
        return by_pair


def locked_out(request, response=None, credentials=None):
    """The answer to a locked-out sign-in: 429, with when to try again."""
    retry_after = math.ceil(get_cool_off(request).total_seconds())
    return too_many_requests(
        request,
        retry_after,
        _(
            "Too many failed sign-ins from this address. For your account's safety, signing "
            "in is paused; try again later."
        ),
    )

