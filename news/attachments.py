"""Attachments are PDF documents: checked by content on upload, served by
newsroom.items.AttachmentView.

They are stored outside MEDIA_ROOT, with no URL of their own, so a draft's documents cannot be
fetched by guessing a path: only the views, which check who may see the item, serve them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from news.uploads import generated_name, original_name

PDF_SIGNATURE = b"%PDF-"


@deconstructible(path="news.attachments.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, which has no URL: views serve them."""

    def __init__(self):
        super().__init__(base_url=None)

    @cached_property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        """No address of its own: pages link to news:attachment or the preview routes."""
        return ""


private_storage = PrivateStorage()


def attachment_path(attachment, filename):
    """Attachment.file's upload_to: news/attachments/<year>/<month>/<random>.pdf.

    clean_attachment() has checked the content; the uploader's name is Attachment.original_name.
    """
    return generated_name("news/attachments/%Y/%m/", ".pdf")


def clean_attachment(attachment):
    """Attachment.clean(): a new upload must be a PDF by content and within the size limit;
    its name is kept as data."""
    file = attachment.file
    if not file or file._committed:
        return
    attachment.original_name = original_name(file.name)
    if file.size > settings.NEWS_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("The file is %(size)s; the limit is %(limit)s."),
                    code="too_large",
                    params={
                        "size": filesizeformat(file.size),
                        "limit": filesizeformat(settings.NEWS_ATTACHMENT_MAX_BYTES),
                    },
                )
            }
        )
    file.seek(0)
    start = file.read(len(PDF_SIGNATURE))
    file.seek(0)
    if start != PDF_SIGNATURE:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("This file is not a PDF document. Save it as a PDF and upload that."),
                    code="not_pdf",
                )
            }
        )


def download_name(attachment):
    """A file name safe in any browser and header, made from the attachment's title.

    Not the uploader's name (Attachment.original_name): that may be an internal working name
    such as `draft-v3-comments.pdf`, not meant for the public.
    """
    return (slugify(attachment.title)[:80].strip("-") or "document") + ".pdf"
