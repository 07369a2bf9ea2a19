"""The email that gives a recipient their link to an embargoed item, plain text and HTML."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _


def link_message(recipient, token):
    item, embargo = recipient.embargo.news, recipient.embargo
    lifts_at = formats.date_format(timezone.localtime(embargo.lifts_at), "DATETIME_FORMAT")
    context = {
        "site_name": settings.SITE_NAME,
        "item": item,
        "lifts_at": lifts_at,
        "url": settings.SITE_BASE_URL.rstrip("/") + reverse("embargoes:view", args=[token]),
    }
    subject = _("Under embargo until %(time)s: %(title)s") % {
        "time": lifts_at,
        "title": item.title,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("embargoes/email/link.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )
    message.attach_alternative(render_to_string("embargoes/email/link.html", context), "text/html")
    return message
