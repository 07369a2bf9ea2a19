"""An item's attachments: PDF documents, kept in private storage and served by the site."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.attachments import attachment_path, clean_attachment, private_storage
from news.models.items import NewsItem
from osce_cms.text import validate_no_control_characters


class Attachment(models.Model):
    news = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(
        _("title"), max_length=300, validators=[validate_no_control_characters]
    )
    file = models.FileField(
        _("file"),
        upload_to=attachment_path,
        storage=private_storage,
        validators=[FileExtensionValidator(["pdf"])],
        help_text=_("A PDF document."),
    )
    original_name = models.CharField(
        _("uploaded as"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The file's name on the uploader's computer; the site stores it renamed."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.ATTACHMENT_LANGUAGES, default="en"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:attachment", args=[self.news.slug, self.pk])

    def clean(self):
        super().clean()
        clean_attachment(self)
