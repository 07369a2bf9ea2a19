"""Alert subscriptions for staff: read-only, to answer a reader's question or remove an
address on request. No add or change (visitors sign up and manage through their links) and
no export: the addresses leave the site only in the alerts themselves."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alerts.models import Subscription


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "email",
        "filters",
        "frequency",
        "language",
        "created_at",
        "confirmed_at",
        "sent_count",
    )
    list_filter = (ConfirmedFilter, "frequency")
    search_fields = ("email",)
    ordering = ("-created_at",)
    fields = (
        "email",
        "query",
        "frequency",
        "language",
        "created_at",
        "confirmed_at",
        "last_digest_at",
    )
    readonly_fields = fields
    # Only Django's "delete selected": deleting an alert deletes its sent log too.
    actions = ["delete_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(sent_count=Count("sent"))

    @admin.display(description=_("filters"), ordering="query")
    def filters(self, obj):
        return obj.query or _("All news")

    @admin.display(description=_("items sent"), ordering="sent_count")
    def sent_count(self, obj):
        return obj.sent_count

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        """No add page at all: alerts are made by visitors signing up."""
        add = f"{self.opts.app_label}_{self.opts.model_name}_add"
        return [pattern for pattern in super().get_urls() if pattern.name != add]

    def has_change_permission(self, request, obj=None):
        return False
