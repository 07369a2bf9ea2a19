"""Attachments are PDF documents: checked by content on upload, served by news.views.attachment."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

PDF_SIGNATURE = b"%PDF-"


def clean_attachment(attachment):
    """Attachment.clean(): a new upload must be a PDF by content and within the size limit."""
    file = attachment.file
    if not file or file._committed:
        return
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
    """A file name safe in any browser and header, made from the attachment's title."""
    return (slugify(attachment.title)[:80].strip("-") or "document") + ".pdf"
