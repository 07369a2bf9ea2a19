"""An embargo: an unpublished item shared with named recipients until it is released.

Setting an embargo schedules the item's publication at its time (embargoes/services.py, through
news.services); until then each recipient opens the item through their own link, and every
opening is recorded. The link's token is stored only as its SHA-256 digest: the recipient's
email holds the one copy of it.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def digest(token):
    """The stored form of a link's token: what a leaked table cannot be used to open."""
    return hashlib.sha256(token.encode()).hexdigest()


class Embargo(models.Model):
    """One item's embargo: released (made public) at `lifts_at`."""

    news = models.OneToOneField(
        "news.NewsItem", on_delete=models.CASCADE, related_name="embargo", verbose_name=_("news")
    )
    lifts_at = models.DateTimeField(_("embargoed until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    created_at = models.DateTimeField(_("set"), auto_now_add=True)

    class Meta:
        ordering = ["lifts_at"]
        verbose_name = _("embargo")
        verbose_name_plural = _("embargoes")
        indexes = [
            # The editorial calendar: embargoes lifting in a month or a week.
            models.Index(fields=["lifts_at"], name="embargo_lifts_at_idx"),
        ]

    def __str__(self):
        return _("Embargo on “%(title)s”") % {"title": self.news}

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("embargoes:share", args=[self.news_id])

    def has_lifted(self):
        return self.lifts_at <= timezone.now()


class Recipient(models.Model):
    """A named outside recipient of an embargoed item, with their own link."""

    embargo = models.ForeignKey(
        Embargo, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("embargo")
    )
    email = models.EmailField(_("email address"))
    token_digest = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    sent_at = models.DateTimeField(_("link sent"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("embargo recipient")
        verbose_name_plural = _("embargo recipients")
        constraints = [
            # One link per address and embargo: adding an address again changes nothing.
            models.UniqueConstraint(fields=["embargo", "email"], name="embargo_recipient_unique")
        ]

    def __str__(self):
        return self.email

    def is_usable(self):
        """Whether the link still shows the embargoed item (before release, not revoked)."""
        return self.revoked_at is None and not self.embargo.has_lifted()


class Opening(models.Model):
    """One opening of a recipient's link: who (the recipient), when, from where."""

    recipient = models.ForeignKey(
        Recipient, on_delete=models.CASCADE, related_name="openings", verbose_name=_("recipient")
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        indexes = [
            # A recipient's openings, newest first, on the sharing page.
            models.Index(fields=["recipient", "-opened_at"], name="embargo_opening_idx"),
        ]

    def __str__(self):
        return f"{self.recipient} {self.opened_at:%Y-%m-%d %H:%M}"
