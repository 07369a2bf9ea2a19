from django.apps import AppConfig
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Email alerts: visitors follow any list view and are told of new items."""

    name = "alerts"
    verbose_name = _("Email alerts")

    def ready(self):
        from django.db.models.signals import post_save

        from news.models import NewsItem

        post_save.connect(_item_saved, sender=NewsItem, dispatch_uid="alerts_item_saved")


def _item_saved(sender, instance, **kwargs):
    """An item saved public (published, its time come) is announced once the transaction
    commits: the request only queues the job. Edits find it announced already (Announcement);
    scheduled items are announced by the scheduler when their time comes (announce_due).

    Queued as delay_on_commit() does, but robust: a broker that is away (or, without one, a
    job that fails) is logged and does not fail the publishing request, which has committed;
    the scheduler's announce_due, every minute, announces the item instead."""
    if instance.is_published():
        from alerts import tasks

        def queue_announcement():
            tasks.announce.delay([instance.pk])

        transaction.on_commit(queue_announcement, robust=True)
