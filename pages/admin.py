from django.contrib import admin

from pages.models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slot", "updated_at"]
    search_fields = ["title", "content"]
    fields = ["slot", "title", "description", "content"]
