from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public JSON API: the newsroom's list, items and taxonomy for other systems."""

    name = "api"
    verbose_name = _("Public API")
