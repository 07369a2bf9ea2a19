"""A staff member's queue on the admin home: what waits for them, each part with its count,
a link to the whole list, and its first items.

Every part is read from NewsItemQuerySet.editable_by(user), the scoping of the news admin:
a publisher's queue holds only their structures' items. Each part is one query for its first
items, and one count when it has more than those: at most ten, whatever the number of items.
"""

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem, Transition
from news.models.workflow import QUEUE_RECENT_DAYS, QUEUE_SCHEDULED_DAYS, queue_conditions
from news.permissions import may_publish

Status = NewsItem.Status
SHOWN = 5  # items listed under each part; the link shows them all
# The news list's filter of the desk's parts (news/admin/workflow.py DeskListFilter).
PARAMETER = "desk"


@dataclass
class Part:
    key: str
    title: str
    help: str
    count: int
    url: str
    items: list = field(default_factory=list)


def queue(user):
    """The parts of `user`'s queue, with counts and first items; [] for who reaches no news."""
    if not user.has_perm("news.change_newsitem"):
        return []
    now = timezone.now()
    reachable = NewsItem.objects.editable_by(user)  # reads the user's structures once
    where = queue_conditions(user, now)
    last_return = Transition.objects.returns().filter(news=OuterRef("pk")).order_by("-at", "-id")
    items = reachable.select_related("lead_structure")
    orders = {
        "review": [F("updated_at").asc()],  # the longest waiting first
        "returned": ["-updated_at"],
        "mine": ["-updated_at"],
        "scheduled": ["published_at"],
        "recent": ["-published_at"],
    }
    changelist = reverse("admin:news_newsitem_changelist")
    urls = {
        "review": f"{changelist}?{urlencode({'status': Status.REVIEW})}",
        "returned": f"{changelist}?{urlencode({PARAMETER: 'returned'})}",
        "mine": f"{changelist}?{urlencode({PARAMETER: 'mine'})}",
        "scheduled": reverse("admin:news_newsitem_scheduled") + "?weeks=1",
        "recent": f"{changelist}?{urlencode({PARAMETER: 'recent'})}",
    }
    parts = []
    for key, title, help_text in describe(user):
        found = items.filter(where[key]).order_by(*orders[key], "-pk")
        if key == "returned":
            found = found.annotate(
                return_note=Subquery(last_return.values("note")[:1]),
                return_at=Subquery(last_return.values("at")[:1]),
                return_by=Subquery(last_return.values("by__username")[:1]),
            )
        shown = list(found[: SHOWN + 1])
        # Counted only when there are more than are shown: each part's rows are found through
        # an index on the status, where one count of every part would read the whole table.
        count = len(shown) if len(shown) <= SHOWN else reachable.filter(where[key]).count()
        parts.append(Part(key, title, help_text, count, urls[key], shown[:SHOWN]))
    return parts


def describe(user):
    """(key, title, help) of each part `user` sees."""
    parts = [
        (
            "review",
            _("Awaiting review"),
            _("Submitted for review: publish them, or return them with a comment.")
            if may_publish(user)
            else _("Submitted for review, waiting for an editor."),
        ),
        (
            "returned",
            _("Returned to me"),
            _("Returned by an editor with a comment: make the changes and submit again."),
        ),
        ("mine", _("My drafts"), _("Drafts you created or submitted before.")),
        (
            "scheduled",
            _("Scheduled"),
            _("Public within the next %(days)d days.") % {"days": QUEUE_SCHEDULED_DAYS},
        ),
        (
            "recent",
            _("Recently published"),
            _("Made public in the last %(days)d days.") % {"days": QUEUE_RECENT_DAYS},
        ),
    ]
    return parts
