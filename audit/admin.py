"""The audit log for superusers: read-only for everyone. No add, change or delete page, no
bulk deletion: entries go only when prune_audit removes those past AUDIT_RETENTION_DAYS."""

import json

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from audit.models import Entry


class ModelListFilter(admin.SimpleListFilter):
    title = _("model")
    parameter_name = "model"

    def lookups(self, request, model_admin):
        labels = Entry.objects.order_by("model").values_list("model", flat=True).distinct()
        return [(label, label) for label in labels]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(model=self.value())
        return queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "origin", "action", "model", "object_id", "object_repr"]
    list_filter = [
        ("user", admin.RelatedOnlyFieldListFilter),
        "action",
        ModelListFilter,
        "at",
    ]
    list_select_related = ["user"]
    search_fields = ["object_repr", "username", "object_id", "origin", "note"]
    date_hierarchy = "at"
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
