"""What an email alert keeps: the address, the filters it follows, the consent time and what
was sent to it. Nothing else; unsubscribing deletes all of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """One address following one list view (its filters, as the list's query string)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as news is published")
        DAILY = "daily", _("Once a day, a digest")

    email = models.EmailField(_("email address"), max_length=254)
    query = models.CharField(
        _("filters"),
        max_length=2000,
        blank=True,
        help_text=_("The news list's filters, as its query string; empty follows all news."),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(
        _("confirmed at"),
        null=True,
        blank=True,
        help_text=_(
            "The consent time: when the confirmation link was followed. Nothing is sent before."
        ),
    )
    last_digest_at = models.DateTimeField(_("last digest at"), null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "query"], name="alerts_one_subscription_per_view"
            ),
        ]
        indexes = [
            models.Index(
                fields=["query"],
                condition=models.Q(confirmed_at__isnull=False),
                name="alerts_confirmed_by_query",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.query or 'all news'})"


class Sent(models.Model):
    """An item announced to a subscription: at most once (the unique constraint), even when
    a worker dies mid-send and the job runs again. A row is written before the mail goes and
    marked sent after, so a retry sends only what is not marked."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent")
    item = models.ForeignKey("news.NewsItem", on_delete=models.CASCADE, related_name="+")
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "item"], name="alerts_item_once_per_subscription"
            ),
        ]
        indexes = [
            models.Index(
                fields=["subscription"],
                condition=models.Q(sent_at__isnull=True),
                name="alerts_unsent",
            )
        ]

    def __str__(self):
        return f"{self.item_id} → {self.subscription_id}"


class Announcement(models.Model):
    """An item that became public and was matched against the subscriptions: once per item.

    Edits of a published item, or publishing it again after a withdrawal, find this row and
    announce nothing. Written in the same transaction as the item's sent log, so an
    announcement that failed half-way leaves nothing and is done again whole."""

    item = models.OneToOneField(
        "news.NewsItem", on_delete=models.CASCADE, related_name="+", verbose_name=_("item")
    )
    announced_at = models.DateTimeField(_("announced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("announced item")
        verbose_name_plural = _("announced items")
        ordering = ["-announced_at"]

    def __str__(self):
        return f"{self.item_id} ({self.announced_at:%Y-%m-%d %H:%M})"
