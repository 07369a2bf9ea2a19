"""The image preview of a form: a thumbnail on which a click sets the focal point.

Plain JavaScript served by the site (static/library/image-preview.js): the percentage inputs
stay the fallback without it, and are what a click fills in.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImagePreviewWidget(forms.Widget):
    template_name = "library/widgets/image_preview.html"

    class Media:
        css = {"all": ["library/image-preview.css"]}
        js = ["library/image-preview.js"]

    def __init__(self, focal_x="", focal_y="", chooser="", detail_url="", attrs=None):
        # The ids of the percentage inputs a click fills in, and of the library chooser whose
        # choice the preview follows (with the address of an image's details).
        self.focal_x, self.focal_y = focal_x, focal_y
        self.chooser, self.detail_url = chooser, detail_url
        self.preview = None
        super().__init__(attrs)

    def show(self, url, width=None, height=None, name=""):
        """Show the image at `url` (a thumbnail or the file itself)."""
        self.preview = {"url": url, "width": width, "height": height, "name": name}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["preview"] = self.preview
        context["focal_x"], context["focal_y"] = self.focal_x, self.focal_y
        context["chooser"], context["detail_url"] = self.chooser, self.detail_url
        return context

    def value_from_datadict(self, data, files, name):
        return None

    def use_required_attribute(self, initial):
        return False


def show_image(widget, image, name=""):
    """`widget` shows the library image `image`: its smallest rendition, else its file."""
    found = image.renditions()
    if found:
        widget.show(found[0].url, found[0].width, found[0].height, name)
    else:
        widget.show(image.file.url, image.width, image.height, name)


class ImagePreviewField(forms.Field):
    """Shows the image; posts nothing."""

    widget = ImagePreviewWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Preview"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("disabled", True)
        kwargs.setdefault(
            "help_text",
            _(
                "Click on the image where crops should centre (a face, the speaker); the "
                "focal point percentages below change with it."
            ),
        )
        super().__init__(**kwargs)


def alt_text_guidance(field):
    """Alt text help and the live character count (image-preview.js) on `field`."""
    field.help_text = _(
        "Say what the image shows that matters for this text (who, doing what, where), for "
        "people who cannot see it. Do not start with “Image of”; do not repeat the caption. "
        "Usually under 125 characters."
    )
    field.widget.attrs.update(
        {
            "data-alt-count": _("%(count)s characters"),
            "data-alt-long": _(
                "%(count)s characters: screen readers read it all; can it be shorter?"
            ),
            "data-alt-limit": "125",
        }
    )
