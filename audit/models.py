from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# What a request made from no request records as its origin: a management command, a worker.
SYSTEM = "system"


class Entry(models.Model):
    """One write to the site's content, taxonomy or roles: who, when, what, from where.

    The model, object id and text are copied, not linked, so that an entry outlives the object
    and its account."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        CHANGE = "change", _("Changed")
        DELETE = "delete", _("Deleted")
        STATE = "state", _("Status moved")
        CONFIRM = "confirm", _("Warning confirmed")

    at = models.DateTimeField(_("when"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(
        _("user name"),
        max_length=150,
        blank=True,
        help_text=_("As it was at the time: empty for the system or an anonymous visitor."),
    )
    origin = models.CharField(
        _("from"),
        max_length=45,
        help_text=_("The client's IP address, or “system” for commands and background jobs."),
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    model = models.CharField(_("model"), max_length=100, help_text=_("app_label.model_name"))
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(
        _("changes"),
        default=dict,
        blank=True,
        help_text=_("Changed fields with their values before and after (long ones cut)."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            # The admin's list, newest first, and prune_audit's "older than".
            models.Index(fields=["-at"], name="audit_entry_at_idx"),
            # One object's history: filter by model, then object id.
            models.Index(fields=["model", "object_id"], name="audit_entry_object_idx"),
        ]

    def __str__(self):
        return _("%(who)s: %(action)s %(object)s") % {
            "who": self.username or self.origin,
            "action": self.get_action_display(),
            "object": self.object_repr or f"{self.model} {self.object_id}",
        }

    def get_absolute_url(self):
        return reverse("admin:audit_entry_change", args=[self.pk])
