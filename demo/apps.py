from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content for a newcomer's site and the benchmarks: `manage.py load_demo`."""

    name = "demo"
    verbose_name = _("Demo content")
