from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Email alerts: visitors follow any list view and are told of new items."""

    name = "alerts"
    verbose_name = _("Email alerts")
