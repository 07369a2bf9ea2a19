"""The image library in the admin, and its chooser (for the body editor's image button and
the lead image's preview).

Scoping: every publisher and editor may see and use every library image (an image is not
news: it carries no structure's word); a publisher changes only the images they uploaded,
editors change and delete any (Image.may_be_changed_by()).
"""

from django import forms
from django.contrib import admin
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.models import Image
from library.widgets import ImagePreviewField, alt_text_guidance, show_image
from news.images import LeadImageFormField

CHOOSER_PAGE_SIZE = 24


class ImageAdminForm(forms.ModelForm):
    preview = ImagePreviewField()

    class Meta:
        model = Image
        fields = ["file", "title", "alt", "caption", "credit", "focal_x", "focal_y"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "alt" in self.fields:
            self.fields["alt"].required = True
            alt_text_guidance(self.fields["alt"])
        widget = self.fields["preview"].widget
        widget.focal_x, widget.focal_y = "id_focal_x", "id_focal_y"
        if self.instance.file:
            show_image(widget, self.instance)


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    formfield_overrides = {models.ImageField: {"form_class": LeadImageFormField}}
    list_display = ["thumbnail", "title", "credit", "size", "uses", "uploaded_by", "created_at"]
    list_display_links = ["thumbnail", "title"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "credit"]
    readonly_fields = ["original_name", "size", "uses", "uploaded_by", "created_at"]
    fieldsets = [
        (
            None,
            {
                "fields": ["preview", "file", "title", "alt", "caption", "credit"],
                "description": _(
                    "Any publisher or editor may use this image. Items that already show it "
                    "keep the alt text, caption, credit and focal point they were saved with; "
                    "choose the image again in an item to take changes made here."
                ),
            },
        ),
        (_("Focal point"), {"fields": [("focal_x", "focal_y")]}),
        (None, {"fields": ["original_name", "size", "uses", ("uploaded_by", "created_at")]}),
    ]

    @admin.display(description=_("image"))
    def thumbnail(self, image):
        url = image.thumbnail_url
        if not url:
            return "—"
        return format_html('<img src="{}" alt="" class="library-thumbnail">', url)

    def get_queryset(self, request):
        # How many items show each image, counted with the page's own query; ordered
        # explicitly, as a grouped query leaves Meta.ordering out (the autocomplete paginates).
        rows = super().get_queryset(request).annotate(item_count=models.Count("news_items"))
        return rows.order_by(*self.model._meta.ordering)

    @admin.display(description=_("lead image of"), ordering="item_count")
    def uses(self, image):
        count = getattr(image, "item_count", None)
        if count is None:
            count = image.news_items.count()
        return ngettext("%(count)s item", "%(count)s items", count) % {"count": count}

    @admin.display(description=_("size"))
    def size(self, image):
        if not image.width or not image.height:
            return "—"
        return f"{image.width} × {image.height}"

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["library/image-preview.css"]})

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.may_be_changed_by(request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.may_be_changed_by(request.user))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    # The chooser

    def get_urls(self):
        return [
            path(
                "chooser/",
                self.admin_site.admin_view(self.chooser_view),
                name="library_image_chooser",
            ),
            *super().get_urls(),
        ]

    def chooser_view(self, request):
        """?id=N: one image's details as JSON (the lead image's preview); else a page of
        images to choose from, searchable by title and credit (the body editor's popup).
        Staff who may view library images only."""
        if not self.has_view_permission(request):
            raise Http404
        if "id" in request.GET:
            return self.image_details(request.GET["id"])
        query = request.GET.get("q", "")[:200]
        images = Image.objects.all()
        if query.strip():
            images = images.search(query)
        page = Paginator(images, CHOOSER_PAGE_SIZE).get_page(request.GET.get("page"))
        number = request.GET.get("CKEditorFuncNum", "")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Choose an image"),
            "opts": self.opts,
            "is_popup": True,
            "page": page,
            "query": query,
            "function_number": number if number.lstrip("-").isdigit() else "",
            "media": forms.Media(
                css={"all": ["library/image-preview.css"]}, js=["library/chooser.js"]
            ),
        }
        return TemplateResponse(request, "library/chooser.html", context)

    def image_details(self, pk):
        try:
            image = Image.objects.get(pk=int(pk))
        except (ValueError, OverflowError, Image.DoesNotExist):
            raise Http404 from None
        return JsonResponse(
            {
                "id": image.pk,
                "title": image.title,
                "alt": image.alt,
                "caption": image.caption,
                "credit": image.credit,
                "focal_x": image.focal_x,
                "focal_y": image.focal_y,
                "width": image.width,
                "height": image.height,
                "thumbnail": image.thumbnail_url,
                "body": image.body_url,
            }
        )
