"""The slugs pages had before their current one: what old addresses redirect to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OldSlug(models.Model):
    """A slug that `object_id` of `kind` had: its old address redirects to the current one."""

    class Kind(models.TextChoices):
        # The values are the models' labels (Model._meta.label_lower).
        NEWS = "news.newsitem", _("news item")
        FIELD_OF_WORK = "taxonomy.fieldofwork", _("field of work")
        COUNTRY = "taxonomy.country", _("country")
        MEETING_SERIES = "taxonomy.meetingseries", _("meeting series")
        STRUCTURE = "structures.structure", _("structure")

    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    slug = models.SlugField(_("old slug"), max_length=255, db_index=False)
    object_id = models.PositiveBigIntegerField(_("object id"))
    left_at = models.DateTimeField(_("left at"), auto_now=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")
        ordering = ["kind", "slug"]
        constraints = [
            # One page per old address; its index serves the redirect's lookup (kind, slug).
            models.UniqueConstraint(fields=["kind", "slug"], name="old_slug_unique_per_kind"),
        ]
        indexes = [
            # Forgetting a deleted object's old slugs (receivers.forget).
            models.Index(fields=["kind", "object_id"], name="old_slug_object"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id}: {self.slug}"

    @classmethod
    def kind_of(cls, model):
        """The Kind of `model`, or None when its old slugs are not kept."""
        label = model._meta.label_lower
        return label if label in cls.Kind.values else None
