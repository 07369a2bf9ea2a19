"""Editing sessions: while two staff have the same item's change page open, each is told who
else is editing it, and that they saved a new version, before any conflict arises (as
Wagtail's editing sessions do).

The change page polls editing_view() (a POST every POLL_SECONDS, static/admin/news/
editing.js); each poll says "I am still here" and answers with the notices to show. Who is
present is kept in the default cache only, for PRESENT_SECONDS after their last poll: a
cache outage means no notice, never an error. Only those who may change the item may poll,
and only they are named. A page left says so (a last poll, "leave"). Without JavaScript the
page works as before, without notices; saving still merges (news/revisions/conflicts.py).
"""

import logging
import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from news import services
from news.models import NewsItem
from news.revisions.conflicts import display_name, parse_edit_version, saved_state

logger = logging.getLogger(__name__)

# The page polls this often (the template's data-interval says it to the script) ...
POLL_SECONDS = 15
# ... and counts as open this long after its last poll: two polls may be missed.
PRESENT_SECONDS = 3 * POLL_SECONDS


def _key(item_pk):
    return f"news:editing:{item_pk}"


def note_presence(item_pk, user, leaving=False):
    """Record that `user` has the item's page open (or has left it): the ids of the others
    who have it open, or None when the cache cannot say."""
    now = time.time()
    me = str(user.pk)
    try:
        stored = cache.get(_key(item_pk))
        sessions = {
            user_id: seen
            for user_id, seen in (stored.items() if isinstance(stored, dict) else ())
            if isinstance(seen, int | float) and now - seen < PRESENT_SECONDS
        }
        if leaving:
            sessions.pop(me, None)
        else:
            sessions[me] = now
        cache.set(_key(item_pk), sessions, PRESENT_SECONDS)
    except Exception:  # any cache backend's failure: the notice is a convenience
        logger.warning("Editing sessions: the cache is unavailable", exc_info=True)
        return None
    return [int(user_id) for user_id in sessions if user_id != me and user_id.isdigit()]


def may_change(user, item_pk):
    """Whether `user` may change the item: the change page's own rule (a publisher sees a
    published item's page read-only)."""
    if not (user.is_active and user.is_staff and user.has_perm("news.change_newsitem")):
        return False
    item = NewsItem.objects.editable_by(user).filter(pk=item_pk).first()
    return item is not None and services.can_change(user, item)


def others_editing(item_pk, user_ids):
    """The names of the users of `user_ids` who may still change the item, sorted."""
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True, is_staff=True)
    return sorted(display_name(user) for user in users if may_change(user, item_pk))


def notices(request, item_pk):
    """What the page of the item shows to `request.user` now: {"notices": [...], "saved":
    {...} or None}."""
    leaving = request.POST.get("leave") == "1"
    others = note_presence(item_pk, request.user, leaving=leaving)
    answer = {"notices": [], "saved": None}
    if leaving:
        return answer
    names = others_editing(item_pk, others) if others else []
    if names:
        answer["notices"].append(
            ngettext(
                "%(names)s is also editing this item.",
                "%(names)s are also editing this item.",
                len(names),
            )
            % {"names": get_text_list(names, _("and"))}
        )
    parsed = parse_edit_version(request.POST.get("edit_version"))
    state = saved_state(item_pk)
    if parsed is not None and state is not None and parsed[1] != state.token:
        when = formats.time_format(timezone.localtime(state.at), "TIME_FORMAT")
        # The link follows the text: "… at 14:32 – reload to see it".
        if state.by is not None and state.by.pk == request.user.pk:
            text = _("You saved a new version in another window at %(time)s –") % {"time": when}
        else:
            text = _("%(name)s saved a new version at %(time)s –") % {
                "name": display_name(state.by),
                "time": when,
            }
        answer["saved"] = {
            "text": text,
            "link": _("reload to see it"),
            "url": reverse("admin:news_newsitem_change", args=[item_pk]),
        }
    return answer


class EditingSessionsMixin:
    """For NewsItemAdmin: the change page's poll (editing_urls(), its view)."""

    def editing_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/editing/",
                self.admin_site.admin_view(require_POST(self.editing_view)),
                name=f"{info}_editing",
            )
        ]

    def editing_view(self, request, object_id):
        """The notices for the change page of the item `object_id`: refused (403) to anyone
        who may not change it, whether or not it exists."""
        if not object_id.isdigit() or not may_change(request.user, int(object_id)):
            return JsonResponse({"error": _("You may not change this item.")}, status=403)
        return JsonResponse(notices(request, int(object_id)))
