from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The public site: what a visitor reaches, and the caches that keep it quick."""

    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from newsroom import invalidation

        invalidation.connect()  # what public pages cache is forgotten when what they show changes
