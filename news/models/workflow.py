"""The workflow's records: an item's status changes, and the links that preview it unpublished.

A return with a comment (news.services.return_with_comment) is the transition from review
to draft that has a note: the comment. An item whose last transition is one waits for its
authors (the creator, and whoever submitted it) to fix and resubmit it: returned().
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models.fields import item_key, user_key
from news.models.items import NewsItem

Status = NewsItem.Status


class TransitionQuerySet(models.QuerySet):
    def returns(self):
        """Returns with a comment: from review to draft, with the comment as the note."""
        return self.filter(from_status=Status.REVIEW, to_status=Status.DRAFT).exclude(note="")


def authored_by(user):
    """A condition on news items: `user` created it or submitted it for review."""
    submitted = Transition.objects.filter(
        news=models.OuterRef("pk"), to_status=Status.REVIEW, by=user
    )
    return models.Q(created_by=user) | models.Exists(submitted)


def returned():
    """A condition on news items: a draft whose last move was a return with a comment (so not
    yet resubmitted, nor taken back to draft by another move since)."""
    last = Transition.objects.filter(news=models.OuterRef("news")).order_by("-at", "-id")
    last_return = Transition.objects.returns().filter(
        news=models.OuterRef("pk"), pk=models.Subquery(last.values("pk")[:1])
    )
    return models.Q(status=Status.DRAFT) & models.Exists(last_return)


# The admin home's queue (desk/queue.py) and the news list's filter of it (DeskListFilter).
QUEUE_SCHEDULED_DAYS = 7
QUEUE_RECENT_DAYS = 7


def queue_conditions(user, now=None):
    """The parts of `user`'s queue as conditions on the items they reach, by key, in the
    order the admin home shows them."""
    now = now or timezone.now()
    mine = models.Q(status=Status.DRAFT) & authored_by(user)
    return {
        "review": models.Q(status=Status.REVIEW),
        "returned": mine & returned(),
        "mine": mine,
        "scheduled": models.Q(
            status=Status.PUBLISHED,
            published_at__gt=now,
            published_at__lte=now + datetime.timedelta(days=QUEUE_SCHEDULED_DAYS),
        ),
        "recent": models.Q(
            status=Status.PUBLISHED,
            published_at__lte=now,
            published_at__gt=now - datetime.timedelta(days=QUEUE_RECENT_DAYS),
        ),
    }


class Transition(models.Model):
    """One change of a news item's status: who moved it, from what, to what, when."""

    news = item_key("transitions")
    from_status = models.CharField(
        _("from"), max_length=12, choices=NewsItem.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=NewsItem.Status.choices)
    by = user_key(_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [
            # An item's history, newest first.
            models.Index(fields=["news", "-at"], name="transition_news_at_idx"),
        ]

    def __str__(self):
        return _("%(from)s → %(to)s") % {
            "from": self.get_from_status_display() or "—",
            "to": self.get_to_status_display(),
        }

    def get_absolute_url(self):
        return self.news.get_absolute_url()

    @staticmethod
    def is_return(from_status, to_status, note):
        """The rule of TransitionQuerySet.returns(), for one move."""
        return from_status == Status.REVIEW and to_status == Status.DRAFT and bool(note)


class PreviewLink(models.Model):
    """A secret, expiring, revocable link that shows one unpublished item without an account."""

    news = item_key("preview_links")
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_by = user_key(_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return _("Preview of “%(title)s”") % {"title": self.news}

    def get_absolute_url(self):
        return reverse("news:shared-preview", args=[self.token])

    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
