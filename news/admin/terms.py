"""What the news app adds to the admins of the terms it uses (taxonomy, structures, tags):
how many news items use each entry, a filter for unused ones, and delete pages that name
the news still using an entry.

taxonomy and structures know nothing of news: their admins are replaced here by
subclasses that add these columns, registered under the same models.
"""

from itertools import groupby

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.db.models import Count, IntegerField, OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from news.admin.guardrails import RetiredTermsNotOfferedMixin
from news.models import NewsItem, NewsSupportingStructure, Tag
from structures.admin import StructureAdmin
from structures.models import Structure
from taxonomy.admin import CountryAdmin, FieldOfWorkAdmin, MeetingSeriesAdmin
from taxonomy.models import Country, FieldOfWork, MeetingSeries


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


class NewsCountAdminMixin(InUseDeletePageMixin):
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


def count_of(model, field):
    """Rows of `model` whose `field` is the outer structure, as a subquery.

    Two subqueries instead of two joins, so that lead and supporting news do not multiply.
    """
    rows = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def replace(model, admin_class):
    """Register `admin_class` for `model` in place of the admin its own app registered."""
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, admin_class)


class FieldOfWorkNewsAdmin(RetiredTermsNotOfferedMixin, NewsCountAdminMixin, FieldOfWorkAdmin):
    list_display = [*FieldOfWorkAdmin.list_display, "news_count"]
    list_filter = [UsedByNewsListFilter, *FieldOfWorkAdmin.list_filter]


class MeetingSeriesNewsAdmin(RetiredTermsNotOfferedMixin, NewsCountAdminMixin, MeetingSeriesAdmin):
    list_display = [*MeetingSeriesAdmin.list_display, "news_count"]
    list_filter = [UsedByNewsListFilter]


class CountryNewsAdmin(RetiredTermsNotOfferedMixin, NewsCountAdminMixin, CountryAdmin):
    list_display = [*CountryAdmin.list_display, "news_count"]
    list_filter = [*CountryAdmin.list_filter, UsedByNewsListFilter]


class StructureNewsAdmin(InUseDeletePageMixin, StructureAdmin):
    list_display = [*StructureAdmin.list_display, "lead_news_count", "supporting_news_count"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                lead_news_count=count_of(NewsItem, "lead_structure"),
                supporting_news_count=count_of(NewsSupportingStructure, "structure"),
            )
        )

    @admin.display(description=_("news issued (all statuses)"), ordering="lead_news_count")
    def lead_news_count(self, obj):
        return obj.lead_news_count

    @admin.display(description=_("news co-issued (all statuses)"), ordering="supporting_news_count")
    def supporting_news_count(self, obj):
        return obj.supporting_news_count


class TagAdmin(NewsCountAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "news_count"]
    list_filter = [UsedByNewsListFilter]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    news_relation = "tagged_news"


replace(FieldOfWork, FieldOfWorkNewsAdmin)
replace(MeetingSeries, MeetingSeriesNewsAdmin)
replace(Country, CountryNewsAdmin)
replace(Structure, StructureNewsAdmin)
replace(Tag, TagAdmin)
# Our news use news.Tag; taggit's own tag model stays empty, so its admin would only confuse.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)
