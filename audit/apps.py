from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The site-wide audit log: who changed what, when and from where (README, "Audit log")."""

    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        from audit import receivers

        receivers.connect()
