"""The publishing workflow: the one place where a news item's status changes.

Each move checks the actor's right and the item's state and completeness, records a
Transition (who, from what, to what, when) and happens in one transaction, with the item's
row locked so that two people acting at once cannot both move it. The admin's form, its bulk
actions and anything else that changes a status call move() or one of its named forms.

    draft ──submit──▶ review ──publish──▶ published ──withdraw──▶ withdrawn
      ▲   ◀──return──   │                     │ (scheduled: not public yet)     │
      └──────── publish ┘ ◀──return (unschedule)─┘                  ◀──republish─┘

Publishers (change_newsitem) submit and return to draft the items they may edit
(NewsItemQuerySet.editable_by); editors (publish_newsitem) also publish, schedule,
unschedule, withdraw and republish, and return a submitted item to its authors with a
comment (return_with_comment: the comment is the transition's note).

Each move sends `moved` (the desk app mails editors and authors from it, once the
transaction commits).
"""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from news.models import NewsItem, Transition
from news.permissions import may_edit_any, may_publish, publisher_structure_ids

Status = NewsItem.Status

# Sent by move() inside its transaction, with `item`, `transition` and `user`: a receiver that
# tells anyone defers it to transaction.on_commit.
moved = Signal()


class Refused(ValidationError):
    """A move the actor may not make or the item is not ready for; its message says why."""


def lead_structure_choices(user, structures):
    """`structures` narrowed to those `user` may name as an item's lead issuer."""
    if may_edit_any(user):
        return structures
    return structures.filter(pk__in=publisher_structure_ids(user))


def is_reachable(user, item):
    """Whether `item` is one of those `user` may see in the admin (an unsaved one: may add)."""
    if item.pk is None:
        return user.is_active and user.is_staff and user.has_perm("news.add_newsitem")
    return NewsItem.objects.editable_by(user).filter(pk=item.pk).exists()


def can_change(user, item, reachable=None):
    """Whether `user` may edit `item`'s content: publishers only until it is published."""
    if not (is_reachable(user, item) if reachable is None else reachable):
        return False
    if item.is_hidden():  # before publication a publisher may edit; afterwards, an editor
        return item.pk is None or user.has_perm("news.change_newsitem")
    return may_publish(user)


def can_delete(user, item):
    """Publishers may delete their drafts; what was submitted or public needs an editor."""
    if not user.has_perm("news.delete_newsitem") or not is_reachable(user, item):
        return False
    return item.status == Status.DRAFT or may_publish(user)


def closed_taxonomy(item, lead_structure=None, supporting_structures=None):
    """Warnings about terms that should not label new publications: closed structures.

    No other term has a closed or draft state: fields of work, countries, meeting series and
    tags are either there or not. The arguments are the values a form is saving, if any.
    """
    lead = lead_structure if lead_structure is not None else item.lead_structure
    if supporting_structures is None:
        supporting_structures = item.supporting_structures.all() if item.pk else []
    closed = [s for s in [lead, *supporting_structures] if s is not None and not s.is_active]
    return [
        _("%(structure)s closed on %(date)s.")
        % {"structure": structure, "date": formats.date_format(structure.closed_on)}
        if structure.closed_on
        else _("%(structure)s has closed.") % {"structure": structure}
        for structure in dict.fromkeys(closed)
    ]


def check(
    item, user, to_status, *, fields_of_work=None, notice=None, confirmed=False, warnings=None
):
    """Raise Refused unless `user` may move `item` from its status to `to_status` now.

    The keyword arguments are the values about to be saved when a form checks before it
    saves; without them the item's own are used.
    """
    check_right(item, user, to_status)
    if to_status in (Status.REVIEW, Status.PUBLISHED):
        missing = item.missing_for_publication(fields_of_work=fields_of_work)
        if missing:
            raise Refused(
                _("It cannot be %(action)s yet: add %(missing)s.")
                % {
                    "action": _("published")
                    if to_status == Status.PUBLISHED
                    else _("submitted for review"),
                    "missing": get_text_list(missing, _("and")),
                },
                code="incomplete",
            )
    if to_status == Status.PUBLISHED:
        warnings = closed_taxonomy(item) if warnings is None else warnings
        if warnings and not confirmed:
            raise Refused(
                _("%(warnings)s Confirm that it should be published anyway.")
                % {"warnings": " ".join(warnings)},
                code="confirm",
            )
    if to_status == Status.WITHDRAWN:
        notice = item.withdrawal_notice if notice is None else notice
        if not notice.strip():
            raise Refused(
                _("Say why it is withdrawn: the notice is shown on its page."), code="notice"
            )


def check_right(item, user, to_status, reachable=None):
    """Raise Refused unless the move is one `user` may make from the item's status."""
    from_status = item.status
    label = Status(to_status).label
    if to_status == from_status:
        raise Refused(_("It is already “%(status)s”.") % {"status": label}, code="same")
    reachable = is_reachable(user, item) if reachable is None else reachable
    if not reachable:
        raise Refused(
            _("You may not change news issued by a structure you do not publish for."),
            code="forbidden",
        )
    if item.is_hidden() and to_status in NewsItem.HIDDEN_STATUSES:  # submit, or return
        if not can_change(user, item, reachable):
            raise Refused(_("You may not change this item."), code="forbidden")
        return
    if from_status == Status.PUBLISHED:
        live = not item.is_scheduled()
        if live and to_status != Status.WITHDRAWN:
            raise Refused(
                _("It is public: withdraw it instead, with a notice saying why."), code="state"
            )
        if not live and to_status == Status.WITHDRAWN:
            raise Refused(
                _("It is scheduled, not public yet: return it to draft or review instead."),
                code="state",
            )
    elif from_status == Status.WITHDRAWN and to_status != Status.PUBLISHED:
        raise Refused(_("A withdrawn item can only be published again."), code="state")
    elif to_status == Status.WITHDRAWN:
        raise Refused(_("Only a published item can be withdrawn."), code="state")
    if not may_publish(user):
        raise Refused(
            _("Only an editor may move an item to “%(status)s”.") % {"status": label},
            code="forbidden",
        )


def targets(user, item):
    """The statuses `user` may move `item` to, whatever its content still lacks."""
    if not is_reachable(user, item):
        return []
    reachable = []
    for status in Status:
        try:
            check_right(item, user, status, reachable=True)
        except Refused:
            continue
        reachable.append(status)
    return reachable


@transaction.atomic
def move(item, user, to_status, *, published_at=None, notice=None, confirmed=False, note=""):
    """Move `item` to `to_status` as `user`, record the transition and return it.

    The check runs on the stored row, locked until the transaction ends. Publishing uses
    `published_at`, else the item's publication time, else now: a time to come schedules
    it. Withdrawing needs `notice` (else the item's own). Raises Refused.
    """
    stored = NewsItem.objects.select_for_update().get(pk=item.pk)
    check(stored, user, to_status, notice=notice, confirmed=confirmed)

    from_status, now = stored.status, timezone.now()
    changes = {"status": to_status}
    if to_status == Status.PUBLISHED:
        changes["published_at"] = published_at or stored.published_at or now
        if from_status == Status.WITHDRAWN:
            note = note or _("Was withdrawn on %(date)s: %(notice)s") % {
                "date": formats.date_format(timezone.localtime(stored.withdrawn_at)),
                "notice": stored.withdrawal_notice,
            }
            changes.update(withdrawn_at=None, withdrawal_notice="")
    elif to_status == Status.WITHDRAWN:
        notice = (stored.withdrawal_notice if notice is None else notice).strip()
        changes.update(withdrawn_at=now, withdrawal_notice=notice)
        note = note or notice
    elif from_status == Status.PUBLISHED:
        # Unscheduled: the time is dropped, so that publishing later does not reuse it.
        note = note or _("Was scheduled for %(time)s.") % {"time": local_time(stored.published_at)}
        changes["published_at"] = None
    changes["updated_by"] = user
    for name, value in changes.items():
        setattr(stored, name, value)
    # A revision like any other save (news/revisions.py); inside the admin's, part of it.
    comment = _("Status: %(from)s → %(to)s.") % {
        "from": Status(from_status).label,
        "to": Status(to_status).label,
    }
    if Transition.is_return(from_status, to_status, note):
        comment = _("%(status)s Returned with a comment: %(comment)s") % {
            "status": comment,
            "comment": note,
        }
    with reversion.create_revision():
        stored.save(update_fields=[*changes, "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(comment)
    for name in [*changes, "updated_at"]:
        setattr(item, name, getattr(stored, name))
    transition = Transition.objects.create(
        news=stored, from_status=from_status, to_status=to_status, by=user, at=now, note=note
    )
    moved.send(sender=NewsItem, item=stored, transition=transition, user=user)
    return transition


def check_reschedule(item, user, at):
    """Raise Refused unless `user` may change the publication time of published `item` to `at`."""
    if item.status != Status.PUBLISHED:
        raise Refused(_("Only a published item is rescheduled."), code="state")
    if not may_publish(user) or not is_reachable(user, item):
        raise Refused(_("Only an editor may change when an item is public."), code="forbidden")
    if at is None:
        raise Refused(_("A published item needs a publication time."), code="incomplete")
    if not item.is_scheduled() and at > timezone.now():
        raise Refused(
            _("It is public: a publication time to come would hide it. Withdraw it instead."),
            code="state",
        )


@transaction.atomic
def reschedule(item, user, at, note=""):
    """Change when a published item becomes public, and record it: moving a scheduled item's
    time to now or before publishes it at once."""
    stored = NewsItem.objects.select_for_update().get(pk=item.pk)
    check_reschedule(stored, user, at)
    now = timezone.now()
    note = note or _("Publication time changed from %(before)s to %(after)s.") % {
        "before": local_time(stored.published_at),
        "after": local_time(at),
    }
    stored.published_at, stored.updated_by = at, user
    with reversion.create_revision():
        stored.save(update_fields=["published_at", "updated_by", "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(note)
    for name in ["published_at", "updated_by", "updated_at"]:
        setattr(item, name, getattr(stored, name))
    return Transition.objects.create(
        news=stored,
        from_status=Status.PUBLISHED,
        to_status=Status.PUBLISHED,
        by=user,
        at=now,
        note=note,
    )


def submit(item, user, note=""):
    return move(item, user, Status.REVIEW, note=note)


def publish(item, user, at=None, confirmed=False, note=""):
    """Publish now, or at `at` (or the item's publication time) if that is still to come."""
    return move(item, user, Status.PUBLISHED, published_at=at, confirmed=confirmed, note=note)


def withdraw(item, user, notice, note=""):
    return move(item, user, Status.WITHDRAWN, notice=notice, note=note)


def return_to_draft(item, user, note=""):
    return move(item, user, Status.DRAFT, note=note)


def check_return(item, user, comment):
    """Raise Refused unless `user` may return submitted `item` to its authors with `comment`."""
    if item.status != Status.REVIEW:
        raise Refused(_("Only an item submitted for review is returned."), code="state")
    if not may_publish(user) or not is_reachable(user, item):
        raise Refused(
            _("Only an editor may return an item to its authors with a comment."),
            code="forbidden",
        )
    if not comment.strip():
        raise Refused(_("Say what should change: the comment goes to the authors."), code="comment")


@transaction.atomic
def return_with_comment(item, user, comment):
    """Return a submitted item to draft for its authors, with `comment` kept as the move's
    note (in the history of states and the revision's comment, and mailed to the authors)."""
    stored = NewsItem.objects.select_for_update().get(pk=item.pk)
    check_return(stored, user, comment)
    return move(item, user, Status.DRAFT, note=comment.strip())


def local_time(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def outcome(item):
    """What the last move did to `item`, for a message: “Published.”, “Scheduled for …”."""
    if item.is_scheduled():
        return _("Scheduled for %(time)s.") % {"time": local_time(item.published_at)}
    return {
        Status.DRAFT: _("Returned to draft."),
        Status.REVIEW: _("Submitted for review."),
        Status.PUBLISHED: _("Published."),
        Status.WITHDRAWN: _("Withdrawn."),
    }[item.status]
