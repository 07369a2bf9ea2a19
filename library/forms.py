"""The news item form's lead image, from the library: choose an existing image or upload a
new one (it joins the library), see it, click its focal point.

An upload is stored in the library as soon as it passes its checks, even when the rest of the
form has errors: the form comes back with it chosen and shown, and the editor need not pick
the file again.

The chosen image's file, size, alt text, caption, credit and focal point are copied into the
item's own columns when it is chosen (and only then): list pages and cards read those, never
the library. The item may then adapt its alt text, caption, credit and focal point to its
text; a value the editor typed in the same save as the choice wins over the library's.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.models import Image
from library.widgets import ImagePreviewField, alt_text_guidance, show_image
from news.html import image_problems
from news.images import renditions

__all__ = ["ImagePreviewField", "LeadImageFormMixin"]

# The item's field: the library image's.
COPIED = {
    "image_alt": "alt",
    "image_caption": "caption",
    "image_credit": "credit",
    "image_focal_x": "focal_x",
    "image_focal_y": "focal_y",
}


class LeadImageFormMixin:
    """For the news item's ModelForm, whose fields include library_image, image and
    image_preview (an ImagePreviewField); it also checks the images inside the body."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The library image made from this post's upload, if any.
        self.kept_upload = None
        # Whether this save puts a (new) library image on the item.
        self.library_image_applied = False
        # What saving removes from the body, for the admin to say once saved.
        self.body_warnings = []
        if "image_alt" in self.fields:
            alt_text_guidance(self.fields["image_alt"])
        if "image" in self.fields and "library_image" in self.fields:
            # Beside the library's choice: the other way to a lead image.
            self.fields["image"].label = _("or upload a new image")
        if "image_preview" in self.fields:
            widget = self.fields["image_preview"].widget
            widget.focal_x, widget.focal_y = "id_image_focal_x", "id_image_focal_y"
            if "library_image" in self.fields:
                widget.chooser = "id_library_image"
                widget.detail_url = reverse("admin:library_image_chooser")
            self.show_stored_image()

    def show_stored_image(self):
        item = self.instance
        if not item.image:
            return
        found = renditions(item, "page")
        widget = self.fields["image_preview"].widget
        if found:
            widget.show(found[0].url, found[0].width, found[0].height, item.image_original_name)
        else:
            widget.show(item.image.url, name=item.image_original_name)

    def show_library_image(self, image, name=""):
        if "image_preview" in self.fields:
            show_image(self.fields["image_preview"].widget, image, name)

    def clean(self):
        self.keep_upload()
        self.check_body_images()
        return super().clean()

    def check_body_images(self):
        """Images in the body: only the library's, each with alt text. An image of ours
        without alt text is refused (the writer adds it); others are removed on save
        (news/html.py), with a warning."""
        body = self.cleaned_data.get("body")
        if not body:
            return
        no_alt, foreign = image_problems(body)
        if no_alt:
            self.add_error(
                "body",
                ValidationError(
                    ngettext(
                        "An image in the text has no alt text. Select it, press the image "
                        "button and describe what it shows.",
                        "%(count)s images in the text have no alt text. Select each, press "
                        "the image button and describe what it shows.",
                        no_alt,
                    ),
                    code="image_alt_missing",
                    params={"count": no_alt},
                ),
            )
        if foreign:
            # Removed on save, as pasted markup is: the save goes on, and the admin says so.
            self.body_warnings.append(
                ngettext(
                    "An image in the text was not from the image library and was removed. "
                    "Insert images with the image button (“Browse...”), from the library.",
                    "%(count)s images in the text were not from the image library and were "
                    "removed. Insert images with the image button (“Browse...”), from the "
                    "library.",
                    foreign,
                )
                % {"count": foreign}
            )

    def keep_upload(self):
        """A new upload becomes a library image now, chosen in the form's data, so that it
        survives any other error of this post."""
        upload = self.cleaned_data.get("image")
        if "library_image" not in self.fields or not isinstance(upload, UploadedFile):
            return
        fields = {
            library_field: self.cleaned_data.get(item_field)
            for item_field, library_field in COPIED.items()
            if item_field in self.fields and item_field in self.cleaned_data
        }
        fields = {name: value for name, value in fields.items() if value not in (None, "")}
        try:
            image = Image.from_upload(upload, self.user, **fields)
        except ValidationError as error:
            self.add_error("image", error)
            return
        self.kept_upload = image
        self.cleaned_data["library_image"] = image
        data = self.data.copy()
        data[self.add_prefix("library_image")] = str(image.pk)
        self.data = data
        self.show_library_image(
            image,
            _("Kept in the image library as “%(title)s”: no need to upload it again.")
            % {"title": image.title},
        )

    def _post_clean(self):
        self.apply_library_image()
        super()._post_clean()

    def apply_library_image(self):
        """The chosen library image copied onto the item (construct_instance then keeps it)."""
        data = getattr(self, "cleaned_data", None)
        if data is None or "library_image" not in self.fields or "image" not in self.fields:
            return
        item = self.instance
        upload = data.get("image")
        chosen = data.get("library_image")
        if upload is False:  # "Clear": the image goes, and with it its library link
            data["library_image"] = None
            return
        if chosen is None:
            if item.library_image_id is not None and "library_image" in self.changed_data:
                if not isinstance(upload, UploadedFile):
                    data["image"] = False  # unchosen: no lead image any more
            return
        if chosen.pk == item.library_image_id and self.kept_upload is None:
            return
        data["image"] = None  # the file is the library's, already stored
        item.image = chosen.file.name
        item.image_width, item.image_height = chosen.width, chosen.height
        item.image_original_name = chosen.original_name
        for item_field, library_field in COPIED.items():
            if item_field not in self.fields:
                continue
            typed = data.get(item_field)
            if item_field in self.changed_data and typed not in (None, ""):
                continue  # the editor's own words for this item
            data[item_field] = getattr(chosen, library_field)
        self.library_image_applied = True
        if self.kept_upload is None:
            self.show_library_image(chosen)

    def lead_image_changed(self):
        """Whether the item's lead image or its crop changed: its renditions are made anew."""
        changed = {"image", "image_focal_x", "image_focal_y"} & set(self.changed_data)
        return bool(changed) or self.library_image_applied
