"""The NewsItem admin: its fields and list, and the one place where the concerns it mixes in
(kept_posts, workflow, history) are assembled. Each ModelAdmin method is defined once in the
chain: here, or in the one mixin that alone needs it (tests/admin/test_admin_structure.py)."""

from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext_lazy as _

from addresses.admin import warn_slug_changed
from news.admin.editing import EditingSessionsMixin
from news.admin.guardrails import DeletionRefusalMixin
from news.admin.history import NewsRevisionAdmin
from news.admin.translations import TranslatedItemForm, TranslationAdminMixin
from news.admin.workflow import DeskListFilter, StatusListFilter, WorkflowAdminMixin
from news.html import html_for_display
from news.images import LeadImageFormField, make_renditions
from news.kept_posts import KeepTypedTextMixin
from news.models import RELATION_NAMES, Attachment, NewsItem
from news.pending_uploads import KeptAttachmentForm


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = KeptAttachmentForm  # a chosen PDF survives the page's errors (news/pending_uploads.py)
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
class NewsItemAdmin(
    KeepTypedTextMixin,
    DeletionRefusalMixin,
    WorkflowAdminMixin,
    TranslationAdminMixin,
    EditingSessionsMixin,
    NewsRevisionAdmin,
):
    form = TranslatedItemForm
    inlines = [AttachmentInline]
    # The lead image's content is checked by NewsItem.clean(), which names what is wrong.
    formfield_overrides = {models.ImageField: {"form_class": LeadImageFormField}}
    list_display = [
        "title",
        "language",
        "kind",
        "publication_status",
        "date_issued",
        "lead_structure",
        "updated_at",
        "missing_for_publication",
        "on_home_page",
    ]
    list_filter = [
        StatusListFilter,
        DeskListFilter,  # the queue's parts on the admin home (desk/)
        "featured",
        "language",
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
        "library_image",
    ]
    readonly_fields = [
        "rendered_body",
        "translations_of_item",
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
        # Whoever may not edit the item reads its body as readers will, not its HTML source.
        body = "body" if self.has_change_permission(request, obj) else "rendered_body"
        # Its language, and its translations once it exists (translations.py).
        language = ["language"] if obj is None else ["language", "translations_of_item"]
        fieldsets = [
            (
                _("Content"),
                {"fields": ["title", "slug", *language, "kind", "dateline", "lede", body]},
            ),
            (
                _("Taxonomy"),
                {"fields": ["lead_structure", *RELATION_NAMES]},
            ),
            (
                _("Lead image"),
                {
                    "fields": [
                        "image_preview",
                        "library_image",
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
                        ("featured", "featured_order"),
                        "planned_for",
                        "missing_for_publication",
                        "withdrawn_at",
                        "withdrawal_notice",
                        ("created_at", "created_by"),
                        ("updated_at", "updated_by"),
                    ]
                },
            ),
        ]
        # The status confirmation and the history of states (workflow.py).
        return self.workflow_fieldsets(request, obj, fieldsets)

    def get_urls(self):
        return [
            *self.workflow_urls(),
            *self.history_urls(),
            *self.translation_urls(),
            *self.editing_urls(),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        # The stored fields of work tell what blocks publication, for each row of a page.
        items = super().get_queryset(request).editable_by(request.user)
        return items.prefetch_related("fields_of_work")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = self.kept_form(request, obj, super().get_form(request, obj, change, **kwargs))
        # The user is given to each form made, never set on the class.
        initial = self.revision_form_initial(request)
        return partial(form, user=request.user, **({"initial": initial} if initial else {}))

    def add_view(self, request, form_url="", extra_context=None):
        return self.keeping_typed_text(super().add_view, request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.warn_before_publishing(request, object_id)
        extra_context = {**self.preview_context(request, object_id), **(extra_context or {})}
        view = super().change_view
        return self.keeping_typed_text(view, request, object_id, form_url, extra_context)

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

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        if form.lead_image_changed():
            make_renditions(obj)  # a new image, from the library or not, or focal point
        for warning in form.body_warnings:  # images removed from the body (library/forms.py)
            messages.warning(request, warning)
        if change and "slug" in form.changed_data:
            warn_slug_changed(request, obj, form.initial.get("slug"))
        if change and "language" in form.changed_data:
            self.warn_language_changed(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.apply_workflow(request, form)
        self.keep_translations_in_step(request, form, change)

    def get_view_on_site_url(self, obj=None):
        # An item without a public page yet (a draft, in review, scheduled) is shown by its
        # preview rather than a 404.
        if obj is not None and obj.pk is not None and not obj.has_public_page():
            return reverse("news:preview", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    @admin.display(description=_("body"))
    def rendered_body(self, obj):
        """The body as it is shown on the site (cleaned as the public page cleans it)."""
        return format_html(
            '<div class="rendered-body">{}</div>', mark_safe(html_for_display(obj.body))
        )

    @admin.display(description=_("on the home page"), ordering="featured_order")
    def on_home_page(self, obj):
        """The featured item's place on the home page, or nothing."""
        return obj.featured_order if obj.featured else None

    @admin.display(description=_("missing for publication"))
    def missing_for_publication(self, obj):
        if obj.status == NewsItem.Status.PUBLISHED:
            return None
        missing = obj.missing_for_publication()
        if not missing:
            return _("Nothing: ready to publish")
        return capfirst(get_text_list(missing, _("and")))
