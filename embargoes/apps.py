from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbargoesConfig(AppConfig):
    """Named embargoes: an item shared before release with named outside recipients, each
    with their own link, and the editorial calendar of what is planned."""

    name = "embargoes"
    verbose_name = _("Embargoes")
