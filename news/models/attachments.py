"""An item's attachments: PDF documents, kept in private storage and served by the site."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from news.attachments import attachment_path, clean_attachment, private_storage
from news.models.fields import item_key, uploaded_as
from osce_cms.text import validate_no_control_characters


class Attachment(models.Model):
    news = item_key("attachments")
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
    original_name = uploaded_as()
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
        with override(self.news.url_language):
            return reverse("news:attachment", args=[self.news.slug, self.pk])

    def clean(self):
        super().clean()
        clean_attachment(self)
