"""The change log that keeps every process's index of the news (newsroom/index.py) exact."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Change(models.Model):
    """One change to what the public sees, written in the transaction of the change.

    `item` names the news item whose public rows changed (the index reads it again); an
    empty `item` means anything may have changed (a COPY, a restore): the index is read
    anew. Rows are kept for Change.KEPT and then deleted by the writers.
    """

    KEPT_DAYS = 7

    id = models.BigAutoField(primary_key=True)
    item = models.BigIntegerField(_("news item"), null=True, blank=True)
    recorded = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("public change")
        verbose_name_plural = _("public changes")

    def __str__(self):
        return f"{self.pk}: {self.item or '*'}"
