from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.html import sanitize_html
from news.models.fields import typed_text


class Page(models.Model):
    """One of the footer's pages, written by editors in the admin."""

    class Slot(models.TextChoices):
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    slot = models.CharField(
        _("page"),
        max_length=20,
        choices=Slot.choices,
        unique=True,
        help_text=_("Which footer link leads here; its address is fixed (/contact/ …)."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = typed_text(
        models.CharField,
        _("description"),
        max_length=300,
        help_text=_("One sentence for search engines and link previews."),
    )
    content = typed_text(
        models.TextField,
        _("content"),
        help_text=_("HTML: paragraphs, headings, lists, links. Scripts and styles are removed."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["slot"]
        verbose_name = _("footer page")
        verbose_name_plural = _("footer pages")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.content = sanitize_html(self.content)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"pages:{self.slot}")
