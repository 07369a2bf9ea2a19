"""The taxonomy's own admins. The news app adds what concerns news to them (how many items
use each entry, which ones block a delete): news/admin/terms.py."""

from django.contrib import admin

from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "order"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description", "order", "is_retired"]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "order", "is_retired"]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso_code", "group"]
    list_filter = ["group"]
    search_fields = ["name", "=iso_code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "iso_code", "group", "is_retired"]


@admin.register(Chairpersonship)
class ChairpersonshipAdmin(admin.ModelAdmin):
    list_display = ["year", "country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["year__exact", "country__name"]
    autocomplete_fields = ["country"]
