from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingNews


class MeetingNewsInline(admin.TabularInline):
    model = MeetingNews
    fields = ["news"]
    autocomplete_fields = ["news"]
    extra = 1
    verbose_name = _("news item")
    verbose_name_plural = _("news of this meeting")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "series", "city", "country", "online", "start_date", "end_date"]
    list_filter = ["series", "online"]
    list_select_related = ["series", "country"]
    search_fields = ["title", "slug", "city"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "country"]
    date_hierarchy = "start_date"
    inlines = [MeetingNewsInline]
    fieldsets = [
        (None, {"fields": ["series", "title", "slug"]}),
        (_("Place and dates"), {"fields": ["city", "country", "online", "start_date", "end_date"]}),
        (_("Description"), {"fields": ["description"]}),
    ]
