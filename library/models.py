"""The image library: images uploaded once, with their alt text, caption, credit and focal
point, reused as lead images and inside bodies.

A news item copies what it shows from its library image into its own columns when the
image is chosen (news/forms.py), so that list pages and cards never join this table.
"""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.images import CleanImage, clean_upload, lead_image_path, renditions
from news.models.fields import typed_text, uploaded_as, user_key
from news.permissions import may_edit_any
from news.uploads import original_name


def focal_field(verbose_name, **options):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=[MaxValueValidator(100)], **options
    )


class ImageQuerySet(models.QuerySet):
    def search(self, words):
        """Images whose title or credit contains every word of `words`."""
        found = self
        for word in words.split()[:10]:
            found = found.filter(models.Q(title__icontains=word) | models.Q(credit__icontains=word))
        return found


class Image(models.Model):
    file = models.ImageField(
        _("file"),
        upload_to=lead_image_path,
        width_field="width",
        height_field="height",
    )
    title = typed_text(
        models.CharField,
        _("title"),
        max_length=200,
        help_text=_("For finding the image again: who, what, where. Not shown to visitors."),
    )
    alt = typed_text(
        models.CharField,
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the image shows, for people who cannot see it; usually under 125 "
            "characters. Each item may adapt it to its text."
        ),
    )
    caption = typed_text(models.CharField, _("caption"), max_length=500)
    credit = typed_text(
        models.CharField,
        _("credit"),
        max_length=200,
        help_text=_("The photographer or owner, e.g. “OSCE/Micky Kroell”."),
    )
    focal_x = focal_field(
        _("focal point, % from left"),
        help_text=_("Where crops should centre, e.g. on a face. Leave empty for the centre."),
    )
    focal_y = focal_field(_("focal point, % from top"))
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    original_name = uploaded_as()
    uploaded_by = user_key(_("uploaded by"), editable=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("library image")
        verbose_name_plural = _("library images")

    def __str__(self):
        if self.credit:
            return f"{self.title or self.original_name} ({self.credit})"
        return self.title or self.original_name or self.file.name

    def save(self, *args, **kwargs):
        new_file = self.file and not self.file._committed
        super().save(*args, **kwargs)
        if new_file:
            self.make_renditions()

    def get_absolute_url(self):
        return reverse("admin:library_image_change", args=[self.pk])

    def clean(self):
        """A new upload is checked and re-encoded as a lead image is (news/images.py)."""
        super().clean()
        if self.file and not self.file._committed and not isinstance(self.file.file, CleanImage):
            try:
                upload = self.file.file
                self.file = clean_upload(upload)
                self.original_name = original_name(upload.name)
            except ValidationError as error:
                raise ValidationError({"file": error}) from None
        if not self.title.strip():
            self.title = self.original_name

    def may_be_changed_by(self, user):
        """Editors change any library image; a publisher only those they uploaded (any
        publisher may use any of them)."""
        return may_edit_any(user) or (user.pk is not None and self.uploaded_by_id == user.pk)

    # Renditions: the uncropped "page" renditions a lead image has (news/images.py), made here
    # once, only named on a GET. An item showing this image has the very same files.

    def _as_lead_image(self):
        return SimpleNamespace(
            pk=None,
            image=self.file,
            image_width=self.width,
            image_height=self.height,
            image_focal_x=None,
            image_focal_y=None,
            image_renditions={},
        )

    def renditions(self, make=False):
        if not self.file:
            return []
        return renditions(self._as_lead_image(), "page", make=make)

    def make_renditions(self):
        self.renditions(make=True)

    @property
    def thumbnail_url(self):
        """The smallest rendition, for the admin's previews ("" if there is none)."""
        found = self.renditions()
        return found[0].url if found else ""

    @property
    def body_url(self):
        """The rendition an image inside a body shows: up to 1200 pixels wide."""
        found = [rendition for rendition in self.renditions() if rendition.width <= 1200]
        return found[-1].url if found else ""

    @classmethod
    def from_upload(cls, upload, user, **fields):
        """A library image from an upload made elsewhere (the news form's lead image):
        checked and re-encoded, or ValidationError."""
        image = cls(
            file=clean_upload(upload),
            original_name=original_name(upload.name),
            uploaded_by=user,
            **fields,
        )
        image.title = image.title or image.original_name
        image.save()
        return image
