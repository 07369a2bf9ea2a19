"""The embargoes' addresses: a recipient's link (/embargo/<token>/) and the admin's pages
(under /admin/embargoes/, so that the admin's rules — login, POST, CSP — apply to them)."""

from django.contrib import admin
from django.urls import path

from embargoes import admin as embargo_admin
from embargoes import calendar, views

app_name = "embargoes"


def staff(view):
    return admin.site.admin_view(view)


urlpatterns = [
    path("embargo/<slug:token>/", views.embargoed, name="view"),
    path(
        "embargo/<slug:token>/attachments/<int:attachment_pk>/",
        views.embargoed_attachment,
        name="attachment",
    ),
    path("admin/embargoes/calendar/", staff(calendar.calendar_view), name="calendar"),
    path("admin/embargoes/share/<int:pk>/", staff(embargo_admin.share_view), name="share"),
    path(
        "admin/embargoes/share/<int:pk>/recipients/",
        staff(embargo_admin.add_recipients_view),
        name="add-recipients",
    ),
    path(
        "admin/embargoes/share/<int:pk>/recipients/<int:recipient_pk>/revoke/",
        staff(embargo_admin.revoke_view),
        name="revoke",
    ),
]
