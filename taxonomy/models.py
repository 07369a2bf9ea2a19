import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osce_cms.text import validate_no_control_characters


class TreeQuerySet(models.QuerySet):
    """For models with a `parent` pointing to themselves."""

    def subtree_ids(self, roots):
        """Ids of `roots` (instances or ids) and everything under them, from one query."""
        children = {}
        for pk, parent_id in self.model.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, stack = set(), [getattr(root, "pk", root) for root in roots]
        while stack:
            pk = stack.pop()
            if pk not in found:
                found.add(pk)
                stack.extend(children.get(pk, ()))
        return found

    def in_tree_order(self):
        """[(node, depth)] depth-first, siblings in the queryset's order. A node whose parent
        is not among the rows counts as a root; one cut off in a cycle is left out."""
        nodes = list(self)
        ids = {node.pk for node in nodes}
        children = {}
        for node in nodes:
            parent = node.parent_id if node.parent_id in ids else None
            children.setdefault(parent, []).append(node)
        ordered, seen = [], set()
        stack = [(node, 0) for node in reversed(children.get(None, []))]
        while stack:
            node, depth = stack.pop()
            if node.pk in seen:
                continue
            seen.add(node.pk)
            ordered.append((node, depth))
            stack.extend((child, depth + 1) for child in reversed(children.get(node.pk, [])))
        return ordered

    def nested(self):
        """The rows as a tree, in order: [(node, [(child, [...]), ...]), ...]."""
        children = {}
        for node in self:
            children.setdefault(node.parent_id, []).append(node)

        def branch(parent_id):
            return [(node, branch(node.pk)) for node in children.get(parent_id, [])]

        return branch(None)


def page_language():
    """The language of the page being made, as a bare code ("ru"), else the default."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def in_language(value, translations, language=None):
    """`translations[language]` (the page's language by default) when given, else `value`."""
    return (translations or {}).get(language or page_language()) or value


def name_order(terms):
    """`terms` sorted by their names in the page's language, as a reader of it expects an
    alphabetical list: letters with accents among the plain ones (Égypte under E, Ё under Е),
    case ignored."""

    def key(term):
        letters = unicodedata.normalize("NFKD", term.translated_name)
        return "".join(c for c in letters if not unicodedata.combining(c)).casefold()

    return sorted(terms, key=key)


def validate_translations(value):
    """{language code: text}: the news languages' codes (settings.NEWS_LANGUAGES), texts
    without control characters."""
    codes = {code for code, _name in settings.NEWS_LANGUAGES}
    if not isinstance(value, dict):
        raise ValidationError(_("Give the names as {language code: name}."), code="invalid")
    for code, text in value.items():
        if code not in codes:
            raise ValidationError(
                _("“%(code)s” is not the code of a language of the news."),
                code="unknown_language",
                params={"code": code},
            )
        if not isinstance(text, str):
            raise ValidationError(_("Give the names as {language code: name}."), code="invalid")
        validate_no_control_characters(text)


class NamedInLanguages(models.Model):
    """A term with its English `name` and its names in other languages (`names`,
    {"ru": "...", "fr": "...", "de": "..."}), shown in the page's language (str()).

    One JSON column rather than django-modeltranslation or a table of translations: the terms
    are read once per publication state and kept in the cache (newsroom/filters.py Trees), in
    the menus and by the index, so the name for a page is picked at render time from the
    object already in memory, with no join and no query rewritten by language
    (modeltranslation rewrites only() and values() by the active language, which breaks
    objects kept in the cache), and a new language needs no migration. Whatever reads terms
    with only() must read `names` too, or each name shown costs a query.
    """

    names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        validators=[validate_translations],
        help_text=_("{language code: name}; a language without one shows the English name."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.translated_name

    @property
    def translated_name(self):
        """Its name in the page's language, else its English name."""
        return in_language(self.name, self.names)


class FieldOfWork(NamedInLanguages):
    name = models.CharField(
        _("name"), max_length=120, unique=True, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(
        _("short description"),
        blank=True,
        validators=[validate_no_control_characters],
        help_text=_("One or two sentences shown on its page."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_(
            "A retired term is no longer offered for tagging news; the items that have it "
            "keep it, and its page stays. Adding it to a public item asks for a confirmation."
        ),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent field"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Set this to make the field a sub-topic of another."),
    )

    objects = TreeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("field of work")
        verbose_name_plural = _("fields of work")

    def get_absolute_url(self):
        return reverse("taxonomy:field-detail", args=[self.slug])

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A field cannot be its own sub-topic.")})
            ancestor = ancestor.parent


class MeetingSeries(NamedInLanguages):
    name = models.CharField(
        _("name"), max_length=160, unique=True, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    description = models.TextField(
        _("short description"), blank=True, validators=[validate_no_control_characters]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_(
            "A retired (closed) series is no longer offered for tagging news; the items that "
            "have it keep it, and its page stays. Adding it to a public item asks for a "
            "confirmation."
        ),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def get_absolute_url(self):
        return reverse("taxonomy:meeting-detail", args=[self.slug])


class Country(NamedInLanguages):
    class Group(models.TextChoices):
        PARTICIPATING_STATE = "participating", _("Participating State")
        ASIAN_PARTNER = "asian-partner", _("Asian Partner for Co-operation")
        MEDITERRANEAN_PARTNER = "mediterranean-partner", _("Mediterranean Partner for Co-operation")

    name = models.CharField(
        _("name"), max_length=120, unique=True, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    iso_code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        help_text=_("Two-letter ISO 3166-1 alpha-2 code, for example AT for Austria."),
    )
    group = models.CharField(
        _("group"), max_length=24, choices=Group.choices, default=Group.PARTICIPATING_STATE
    )
    is_retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_(
            "A retired term is no longer offered for tagging news; the items that have it "
            "keep it, and its page stays. Adding it to a public item asks for a confirmation."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso_code__regex=r"^[A-Z]{2}$"),
                name="country_iso_code_two_capitals",
                violation_error_message=_("The ISO code is two capital letters."),
            ),
        ]

    def get_absolute_url(self):
        return reverse("taxonomy:country-detail", args=[self.slug])

    def clean(self):
        self.iso_code = self.iso_code.upper()


class Chairpersonship(models.Model):
    """The yearly role of chairing the organisation: one country a year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="chairpersonships",
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("chairpersonship")
        verbose_name_plural = _("chairpersonships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1973, year__lte=2200),
                name="chairpersonship_year_plausible",
                violation_error_message=_("The year must be between 1973 and 2200."),
            ),
        ]

    def __str__(self):
        return _("%(year)s: %(country)s") % {"year": self.year, "country": self.country}

    def get_absolute_url(self):
        return self.country.get_absolute_url()

    def clean(self):
        if self.country_id and self.country.group != Country.Group.PARTICIPATING_STATE:
            raise ValidationError(
                {"country": _("Only a participating State can hold the Chairpersonship.")}
            )
