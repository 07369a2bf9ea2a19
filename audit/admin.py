"""The audit log for superusers: read-only for everyone. No add, change or delete page, no
bulk deletion: entries go only when prune_audit removes those past AUDIT_RETENTION_DAYS."""

import json

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from audit.models import Entry
from audit.receivers import AUDITED_APPS, STAFF_DELETIONS_APPS


class UserListFilter(admin.SimpleListFilter):
    """Staff accounts (the only ones that act in the admin), from the users table: no scan of
    the log for the distinct users in it."""

    title = _("user")
    parameter_name = "user"

    def lookups(self, request, model_admin):
        staff = get_user_model().objects.filter(is_staff=True).order_by("username")
        return [(str(user.pk), user.get_username()) for user in staff]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(user_id=self.value())
        return queryset


class ModelListFilter(admin.SimpleListFilter):
    """The audited apps' models, from the code: no scan of the log for its distinct models."""

    title = _("model")
    parameter_name = "model"

    def lookups(self, request, model_admin):
        labels = sorted(
            model._meta.label_lower
            for model in apps.get_models()
            if model._meta.app_label in AUDITED_APPS | STAFF_DELETIONS_APPS
        )
        return [(label, label) for label in labels]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(model=self.value())
        return queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "origin", "action", "model", "object_id", "object_repr"]
    list_filter = [UserListFilter, "action", ModelListFilter, "at"]
    list_select_related = ["user"]
    # The object's text and the note by words; the rest exactly (indexed or short-circuited).
    search_fields = ["object_repr", "note", "=username", "=object_id", "=origin"]
    # A count of the whole log on each page would read it all: "Show all" is not offered.
    show_full_result_count = False
    fields = [
        "at",
        "user",
        "username",
        "origin",
        "action",
        "model",
        "object_id",
        "object_repr",
        "changed_fields",
        "note",
    ]
    readonly_fields = fields
    view_on_site = False
    actions = None

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        """No add or delete page at all: nothing in the log is written through the admin."""
        names = {
            f"{self.opts.app_label}_{self.opts.model_name}_{view}" for view in ("add", "delete")
        }
        return [pattern for pattern in super().get_urls() if pattern.name not in names]

    @admin.display(description=_("changes"))
    def changed_fields(self, obj):
        if not obj.changes:
            return "—"
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            (
                (name, json.dumps(change, ensure_ascii=False))
                for name, change in sorted(obj.changes.items())
            ),
        )
        return format_html("<table>{}</table>", rows)
