"""Field declarations that several news models share, each written once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from osce_cms.text import validate_no_control_characters


def typed_text(field, verbose_name, **options):
    """An optional text an editor types (a CharField or TextField `field`): invisible control
    characters are refused."""
    return field(verbose_name, blank=True, validators=[validate_no_control_characters], **options)


def item_key(related_name):
    """The key of a row that belongs to one news item and goes with it."""
    return models.ForeignKey(
        "NewsItem",
        verbose_name=_("news item"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


def user_key(verbose_name, **options):
    """Who did something: kept as empty when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        **options,
    )


def uploaded_as():
    """The name an uploaded file had on the uploader's computer (it is stored renamed)."""
    return models.CharField(
        _("uploaded as"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The file's name on the uploader's computer; the site stores it renamed."),
    )


def linked_terms(term, verbose_name, through, related_name="news"):
    """An item's terms of one kind, through its link table (news.models.links)."""
    return models.ManyToManyField(
        term, verbose_name=verbose_name, through=through, blank=True, related_name=related_name
    )
