"""Staff sessions end after SESSION_IDLE_SECONDS without a request, and SESSION_COOKIE_AGE
after signing in whatever happens (a working day): a session left open on a shared computer
does not stay usable for days.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

STARTED = "osce_cms:session-started"
LAST_SEEN = "osce_cms:session-last-seen"
# The last-seen time is written at most this often, not on every request.
RESOLUTION = 60
# Requests a page makes by itself, not its user (the change page's editing-sessions poll,
# news/admin/editing.py): they do not count as activity, or an open page would never be idle.
PASSIVE_SUFFIXES = ("/editing/",)


@receiver(user_logged_in, dispatch_uid="osce_cms_session_started")
def _signed_in(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[STARTED] = request.session[LAST_SEEN] = now


class IdleTimeoutMiddleware:
    """Signs out a user idle for longer than SESSION_IDLE_SECONDS or signed in for longer
    than SESSION_COOKIE_AGE (the session store would keep it longer: saving the last-seen
    time renews its expiry).

    Only requests that bring a session cookie are looked at: anonymous visitors keep getting
    pages without cookies and without `Vary: Cookie`. After AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        session, now = request.session, int(time.time())
        started = session.get(STARTED)
        last_seen = session.get(LAST_SEEN)
        if started is None or last_seen is None:
            # A session from before this rule: its clock starts now.
            session[STARTED] = started if started is not None else now
            session[LAST_SEEN] = now
            return
        if (
            now - last_seen > settings.SESSION_IDLE_SECONDS
            or now - started > settings.SESSION_COOKIE_AGE
        ):
            logout(request)
        elif now - last_seen >= RESOLUTION and not request.path.endswith(PASSIVE_SUFFIXES):
            session[LAST_SEEN] = now
