from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osce_cms.text import validate_no_control_characters
from taxonomy.models import (
    Country,
    NamedInLanguages,
    TreeQuerySet,
    in_language,
    validate_translations,
)


class StructureQuerySet(TreeQuerySet):
    def active(self):
        return self.filter(is_active=True)


class Structure(NamedInLanguages):
    """A node of the one tree of structures and institutions that issue news.

    Its name and acronym in other languages are in `names` and `acronyms` (why one JSON
    column each: taxonomy.models.NamedInLanguages). Its former names (name_history) have
    none: a name it no longer bears is shown as it was."""

    class Kind(models.TextChoices):
        CHAIRPERSONSHIP = "chairpersonship", _("Chairpersonship")
        SECRETARIAT = "secretariat", _("Secretariat")
        SECRETARIAT_UNIT = "secretariat-unit", _("Secretariat unit")
        INSTITUTION = "institution", _("Institution")
        FIELD_OPERATION = "field-operation", _("Field operation")
        PARLIAMENTARY_ASSEMBLY = "parliamentary-assembly", _("Parliamentary Assembly")
        COURT = "court", _("Court")
        GROUP = "group", _("Group of structures")

    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    acronym = models.CharField(
        _("acronym"), max_length=20, blank=True, validators=[validate_no_control_characters]
    )
    acronyms = models.JSONField(
        _("acronyms in other languages"),
        default=dict,
        blank=True,
        validators=[validate_translations],
        help_text=_("{language code: acronym}; a language without one shows the English acronym."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    host_country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_structures",
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, validators=[validate_no_control_characters]
    )
    description = models.TextField(
        _("description"), blank=True, validators=[validate_no_control_characters]
    )
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("An http:// or https:// address."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the structure has closed.")
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("work continues with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text=_("For a closed structure: the one that took over its work."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # [[used until (ISO date), name, acronym]] of its dated former names, oldest first: kept
    # by FormerName's signals so that every page showing an issuer has its name on the day of
    # issue from the structure's own row (name_on()), with no query per item.
    name_history = models.JSONField(_("names by date"), default=list, blank=True, editable=False)

    objects = StructureQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_active=True, closed_on__isnull=True)
                | models.Q(is_active=False),
                name="structure_closed_date_only_when_closed",
                violation_error_message=_("Only a closed structure has a closing date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="structure_not_own_parent",
                violation_error_message=_("A structure cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(successor__isnull=True) | models.Q(is_active=False),
                name="structure_successor_only_when_closed",
                violation_error_message=_("Only a closed structure has a successor."),
            ),
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("pk")),
                name="structure_not_own_successor",
                violation_error_message=_("A structure cannot be its own successor."),
            ),
        ]

    def __str__(self):
        """Its name and acronym in the page's language: "Office for Democratic Institutions
        and Human Rights (ODIHR)", "Бюро ОБСЕ по демократическим институтам и правам человека
        (БДИПЧ)"."""
        name, acronym = self.translated_name, self.translated_acronym
        return f"{name} ({acronym})" if acronym else name

    @property
    def translated_acronym(self):
        """Its acronym in the page's language, else its English one (blank if it has none)."""
        return in_language(self.acronym, self.acronyms)

    def save(self, *args, **kwargs):
        self.clean()  # refuse a circular tree on every save, not only through forms
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("structures:detail", args=[self.slug])

    def name_on(self, day):
        """str() of the structure as it was named on `day` (a news item's date of issue):
        the first former name still in use that day, as it was (former names have no
        translations), else the current name in the page's language."""
        if day is not None:
            for until, name, acronym in self.name_history or ():
                if day.isoformat() < until:
                    return f"{name} ({acronym})" if acronym else name
        return str(self)

    def record_former_name(self, name, acronym=""):
        """Keep `name` as one this structure was known by until today. Called where a
        structure is renamed (the admin, load_taxonomy): a save alone records nothing."""
        return FormerName.objects.create(
            structure=self, name=name, acronym=acronym, used_until=timezone.localdate()
        )

    def ancestors(self):
        """The chain of parents from the root down to the direct parent."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return list(reversed(chain))

    def clean(self):
        node = self.parent
        while node is not None:
            if self.pk is not None and node.pk == self.pk:
                raise ValidationError(
                    {
                        "parent": _(
                            "This would make the tree circular: a structure cannot be "
                            "part of itself or of one of its parts."
                        )
                    }
                )
            node = node.parent


class FormerName(models.Model):
    """A name a structure was known by before it was renamed; its news stays with it."""

    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="former_names",
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_control_characters])
    acronym = models.CharField(
        _("acronym"), max_length=20, blank=True, validators=[validate_no_control_characters]
    )
    used_until = models.DateField(
        _("used until"),
        null=True,
        blank=True,
        help_text=_(
            "The day the next name was taken: news issued before it shows this name. "
            "Without a date the name is listed but shown on no news."
        ),
    )

    class Meta:
        ordering = ["-used_until", "name"]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.structure.get_absolute_url()


def name_history(structure_id):
    """Structure.name_history of the structure `structure_id`, from its former names."""
    former = FormerName.objects.filter(structure=structure_id, used_until__isnull=False)
    return [
        [used_until.isoformat(), name, acronym]
        for used_until, name, acronym in former.order_by("used_until", "pk").values_list(
            "used_until", "name", "acronym"
        )
    ]


@receiver(post_save, sender=FormerName)
@receiver(post_delete, sender=FormerName)
def _former_name_changed(sender, instance, **kwargs):
    history = name_history(instance.structure_id)
    Structure.objects.filter(pk=instance.structure_id).update(name_history=history)
    if FormerName.structure.is_cached(instance):
        # So that a later save() of the same object does not write back the old history.
        instance.structure.name_history = history


class Membership(models.Model):
    """A staff member who publishes for a structure and the structures under it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="structure_memberships",
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    class Meta:
        ordering = ["structure__name"]
        verbose_name = _("publisher membership")
        verbose_name_plural = _("publisher memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "structure"], name="membership_unique")
        ]

    def __str__(self):
        return _("%(user)s publishes for %(structure)s") % {
            "user": self.user,
            "structure": self.structure,
        }

    def get_absolute_url(self):
        return self.structure.get_absolute_url()
