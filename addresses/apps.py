from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AddressesConfig(AppConfig):
    """Stable addresses: every slug a page has had keeps reaching it (README, "Stable
    addresses")."""

    name = "addresses"
    verbose_name = _("Addresses")

    def ready(self):
        from addresses import receivers

        receivers.connect()  # old slugs are recorded when a slug changes
