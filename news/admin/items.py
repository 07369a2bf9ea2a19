from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from news.admin.history import NewsRevisionAdmin
from news.admin.workflow import StatusListFilter, WorkflowAdminMixin
from news.forms import NewsItemAdminForm
from news.images import LeadImageFormField
from news.kept_posts import KeepTypedTextMixin
from news.models import Attachment, NewsItem, Tag
from taxonomy.admin import InUseDeletePageMixin, NewsCountAdminMixin, UsedByNewsListFilter

# Our news use news.Tag; taggit's own tag model stays empty, so its admin would only confuse.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(InUseDeletePageMixin, NewsCountAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "news_count"]
    list_filter = [UsedByNewsListFilter]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    news_relation = "tagged_news"


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["title", "file", "document", "language", "order"]
    readonly_fields = ["document"]
    extra = 0

    @admin.display(description=_("stored document"))
    def document(self, attachment):
        # Attachments have no public address; staff open them through the preview route. The
        # file is stored under a generated name: the link shows the name it was uploaded as.
        if not attachment.pk or not attachment.file:
            return "—"
        url = reverse("news:preview-attachment", args=[attachment.news_id, attachment.pk])
        shown = attachment.original_name or attachment.file.name.rsplit("/", 1)[-1]
        return format_html('<a href="{}">{}</a>', url, shown)


@admin.register(NewsItem)
class NewsItemAdmin(KeepTypedTextMixin, WorkflowAdminMixin, NewsRevisionAdmin):
    form = NewsItemAdminForm
    inlines = [AttachmentInline]
    # The lead image's content is checked by NewsItem.clean(), which names what is wrong.
    formfield_overrides = {models.ImageField: {"form_class": LeadImageFormField}}
    list_display = [
        "title",
        "kind",
        "publication_status",
        "date_issued",
        "lead_structure",
        "updated_at",
        "missing_for_publication",
    ]
    list_filter = [
        StatusListFilter,
        "kind",
        ("lead_structure", admin.RelatedOnlyFieldListFilter),
        ("fields_of_work", admin.RelatedOnlyFieldListFilter),
        ("countries", admin.RelatedOnlyFieldListFilter),
        "date_issued",
    ]
    list_select_related = ["lead_structure"]
    search_fields = ["title", "lede"]
    date_hierarchy = "date_issued"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "lead_structure",
        "supporting_structures",
        "fields_of_work",
        "countries",
        "meeting_series",
    ]
    readonly_fields = [
        "image_original_name",
        "missing_for_publication",
        "withdrawn_at",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ]
    # Relations stored through our own models (so that a term in use cannot be deleted).
    # Django's admin leaves such fields out of its forms and its checks refuse them in
    # `fields`/`fieldsets`; they are safe to edit here because the through models need
    # nothing but the two keys. Hence the form field below and get_fieldsets().
    through_relations = ["supporting_structures", "fields_of_work", "countries", "meeting_series"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (_("Content"), {"fields": ["title", "slug", "kind", "dateline", "lede", "body"]}),
            (
                _("Taxonomy"),
                {
                    "fields": [
                        "lead_structure",
                        "supporting_structures",
                        "fields_of_work",
                        "countries",
                        "meeting_series",
                        "tags",
                    ]
                },
            ),
            (
                _("Lead image"),
                {
                    "fields": [
                        "image",
                        "image_original_name",
                        "image_alt",
                        "image_caption",
                        "image_credit",
                        ("image_focal_x", "image_focal_y"),
                    ]
                },
            ),
            (
                _("Publication"),
                {
                    "fields": [
                        "status",
                        "date_issued",
                        "published_at",
                        "missing_for_publication",
                        "withdrawn_at",
                        "withdrawal_notice",
                        ("created_at", "created_by"),
                        ("updated_at", "updated_by"),
                    ]
                },
            ),
        ]
        # The status confirmation and the history of states (news/admin_workflow.py).
        return self.workflow_fieldsets(request, obj, fieldsets)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name not in self.through_relations:
            return super().formfield_for_manytomany(db_field, request, **kwargs)
        using = kwargs.get("using")
        kwargs.setdefault(
            "widget", AutocompleteSelectMultiple(db_field, self.admin_site, using=using)
        )
        if "queryset" not in kwargs:
            queryset = self.get_field_queryset(using, db_field, request)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return db_field.formfield(**kwargs)

    def get_queryset(self, request):
        # The stored fields of work tell what blocks publication, for each row of a page.
        return super().get_queryset(request).prefetch_related("fields_of_work")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("missing for publication"))
    def missing_for_publication(self, obj):
        if obj.status == NewsItem.Status.PUBLISHED:
            return None
        missing = obj.missing_for_publication()
        if not missing:
            return _("Nothing: ready to publish")
        return capfirst(get_text_list(missing, _("and")))
