from itertools import groupby

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.db.models import Count, prefetch_related_objects
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries


class InUseDeletePageMixin:
    """Delete pages that say quickly what still uses an entry, and link to it.

    Django's own page fetches each protected row's name with a query of its own and
    lists every row: a field of work used by a thousand news items took a thousand
    queries. Here the first rows are named, their related objects fetched together, a
    link row (a news item using a term) links to its news item, and the rest are counted.
    """

    protected_shown = 50

    def get_deleted_objects(self, objs, request):
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        if not collector.protected:
            return super().get_deleted_objects(objs, request)
        protected = sorted(collector.protected, key=lambda obj: (obj._meta.label, obj.pk))
        shown = protected[: self.protected_shown]
        for model, rows in groupby(shown, key=type):
            keys = [field.name for field in model._meta.concrete_fields if field.many_to_one]
            prefetch_related_objects(list(rows), *keys)
        lines = [self.describe_protected(obj) for obj in shown]
        hidden = len(protected) - len(shown)
        if hidden:
            lines.append(
                ngettext("… and %(count)d more.", "… and %(count)d more.", hidden)
                % {"count": hidden}
            )
        return [], {}, set(), lines

    def describe_protected(self, obj):
        """Its kind and name, linked to its admin page (for a link row: to what uses the entry)."""
        label = capfirst(obj._meta.verbose_name)
        target = obj if self.admin_site.is_registered(type(obj)) else self.used_by(obj)
        if target is None:
            return f"{label}: {obj}"
        url = reverse(
            f"{self.admin_site.name}:{target._meta.app_label}_{target._meta.model_name}_change",
            args=[quote(target.pk)],
        )
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)

    def used_by(self, row):
        """The one registered object, other than the entry itself, that a link row points to."""
        targets = [
            getattr(row, field.name)
            for field in row._meta.concrete_fields
            if field.many_to_one
            and field.related_model is not self.model
            and self.admin_site.is_registered(field.related_model)
        ]
        return targets[0] if len(targets) == 1 else None


class UsedByNewsListFilter(admin.SimpleListFilter):
    """Terms with or without news, so that unused ones can be found and tidied up.

    The admin using it annotates its queryset with `news_count`.
    """

    title = _("used by news")
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", _("Used by news")), ("no", _("Not used by any news"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(news_count__gt=0)
        if self.value() == "no":
            return queryset.filter(news_count=0)
        return queryset


class NewsCountAdminMixin:
    """A sortable count of the news using each entry, from the changelist's own query.

    Staff see drafts too, so every news item counts, whatever its status.
    """

    news_relation = "news"

    def get_queryset(self, request):
        news_count = Count(self.news_relation, distinct=True)
        # A grouped query ignores Meta.ordering: order explicitly, for autocomplete's pages.
        ordering = self.get_ordering(request) or self.model._meta.ordering
        return super().get_queryset(request).annotate(news_count=news_count).order_by(*ordering)

    @admin.display(description=_("news (all statuses)"), ordering="news_count")
    def news_count(self, obj):
        return obj.news_count


@admin.register(FieldOfWork)
class FieldOfWorkAdmin(InUseDeletePageMixin, NewsCountAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "order", "news_count"]
    list_filter = [UsedByNewsListFilter, ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description", "order"]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(InUseDeletePageMixin, NewsCountAdminMixin, admin.ModelAdmin):
    list_display = ["name", "order", "news_count"]
    list_filter = [UsedByNewsListFilter]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description", "order"]


@admin.register(Country)
class CountryAdmin(InUseDeletePageMixin, NewsCountAdminMixin, admin.ModelAdmin):
    list_display = ["name", "iso_code", "group", "news_count"]
    list_filter = ["group", UsedByNewsListFilter]
    search_fields = ["name", "=iso_code", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "iso_code", "group"]


@admin.register(Chairpersonship)
class ChairpersonshipAdmin(admin.ModelAdmin):
    list_display = ["year", "country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["year__exact", "country__name"]
    autocomplete_fields = ["country"]
