from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    """The editor's desk: each staff member's queue on the admin home, and the emails that
    tell editors of a submission and authors of a publication or a return."""

    name = "desk"
    verbose_name = _("Editor's desk")

    def ready(self):
        from desk import notifications
        from news import services

        services.moved.connect(notifications.item_moved, dispatch_uid="desk_item_moved")
