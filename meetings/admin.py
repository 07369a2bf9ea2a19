from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingNews
from news import translations


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

    def save_formset(self, request, form, formset, change):
        """A news item attached here or detached is attached or detached with its
        translations: a group's single meetings are shared (news/translations.py)."""
        super().save_formset(request, form, formset, change)
        if formset.model is not MeetingNews:
            return
        deleted = set(formset.deleted_forms)
        for row in formset.forms:
            if not row.has_changed() or not row.instance.meeting_id:
                continue
            before = row.initial.get("news")
            after = None if row in deleted else row.instance.news_id
            if before and before != after:
                translations.share_meeting(before, row.instance.meeting, attached=False)
            if after:
                translations.share_meeting(after, row.instance.meeting, attached=True)
