from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupsConfig(AppConfig):
    """The backup and restore commands of the whole site: database and media, no models."""

    name = "backups"
    verbose_name = _("Backups")
