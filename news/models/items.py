"""The news item, and the rules of who sees which item (NewsItemQuerySet)."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from taggit.managers import TaggableManager

from news import languages
from news.html import sanitize_html
from news.images import clean_lead_image, lead_image_path
from news.models.fields import linked_terms, typed_text, uploaded_as, user_key
from news.models.links import NewsFieldOfWork, NewsSupportingStructure, TaggedNews
from news.permissions import may_edit_any, publisher_structure_ids
from news.search import SearchVectorIndex
from osce_cms.text import validate_no_control_characters
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

# Paths under /news/ that belong to the site, not to an item (see newsroom/urls.py).
RESERVED_SLUGS = {"rss", "atom", "preview", "shared-preview"}


def _published_now():
    """The condition of NewsItemQuerySet.published(), for it and public_pages()."""
    return models.Q(status=NewsItem.Status.PUBLISHED, published_at__lte=timezone.now())


class NewsItemQuerySet(models.QuerySet):
    """The rules of who sees which item, each named once: use these, never restate them."""

    def published(self):
        """What the public may see in lists, counts, feeds and search: published, and its
        publication time has come."""
        return self.filter(_published_now())

    def in_language(self, language, others=True):
        """Of published items, those a list in interface `language` shows with no language
        chosen: the items in `language` and, with `others`, one item of every translation
        group with none published in it, its first published one (the original). The rule
        of the index of the public news (newsroom/index.py scope()), for the pages that read
        the database: the home page and the terms' latest news."""
        if not others:
            return self.filter(language=language)
        published = NewsItem.objects.filter(_published_now())
        group = models.OuterRef("translation_group")
        in_it = published.filter(translation_group=group, language=language)
        earlier = published.filter(translation_group=group, pk__lt=models.OuterRef("pk"))
        return self.filter(
            models.Q(language=language) | (~models.Exists(in_it) & ~models.Exists(earlier))
        )

    def public_pages(self):
        """Items with a public page: the published ones, and the withdrawn ones, whose page
        stays under the withdrawal notice (but which no list, count or feed shows)."""
        return self.filter(_published_now() | models.Q(status=NewsItem.Status.WITHDRAWN))

    def scheduled(self):
        """Published items whose publication time is still to come: public at that time,
        with no job running."""
        return self.filter(status=NewsItem.Status.PUBLISHED, published_at__gt=timezone.now())

    def hidden(self):
        """Items that are on no public page whatever the time: drafts and items in review."""
        return self.filter(status__in=NewsItem.HIDDEN_STATUSES)

    def editable_by(self, user):
        """The items `user` may see and change in the admin.

        Superusers and editors: every item. Publishers: items whose lead issuer is one of
        their structures or under one, and their own items that have no lead issuer yet.
        Anyone else: none.
        """
        if not user.is_active or not user.is_staff:
            return self.none()
        if may_edit_any(user):
            return self
        if not user.has_perm("news.change_newsitem"):
            return self.none()
        return self.filter(
            models.Q(lead_structure__in=publisher_structure_ids(user))
            | models.Q(lead_structure__isnull=True, created_by=user)
        )

    def withdrawn(self):
        """Items taken down after publication: their page stays, with the withdrawal notice."""
        return self.filter(status=NewsItem.Status.WITHDRAWN)

    def issued_by(self, structures, ids=None):
        """Items whose lead or supporting issuer is one of `structures` or under one of them.

        `ids`, the ids of `structures` and everything under them, saves reading the tree."""
        if ids is None:
            ids = Structure.objects.subtree_ids(structures)
        supporting = NewsSupportingStructure.objects.filter(
            news=models.OuterRef("pk"), structure__in=ids
        )
        return self.filter(models.Q(lead_structure__in=ids) | models.Exists(supporting))

    def about(self, fields_of_work, ids=None):
        """Items in any of `fields_of_work` or their sub-topics.

        `ids`, the ids of `fields_of_work` and their sub-topics, saves reading the tree."""
        if ids is None:
            ids = FieldOfWork.objects.subtree_ids(fields_of_work)
        return self.filter(
            models.Exists(NewsFieldOfWork.objects.filter(news=models.OuterRef("pk"), field__in=ids))
        )


class NewsItem(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press-release", _("Press release")
        STATEMENT = "statement", _("Statement")
        FEATURE_STORY = "feature-story", _("Feature story")
        SPOT_REPORT = "spot-report", _("Spot report")
        SPEECH = "speech", _("Speech")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # On no public page whatever the time (NewsItemQuerySet.hidden()).
    HIDDEN_STATUSES = frozenset({Status.DRAFT, Status.REVIEW})

    title = models.CharField(
        _("title"), max_length=300, validators=[validate_no_control_characters]
    )
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        help_text=_(
            "The last part of the item's address, as in /en/news/this-part/: Latin letters, "
            "digits and hyphens, unique among the items in its language."
        ),
    )
    # Translations (README, "Languages"): an item is written in one language; items that are
    # translations of each other share a translation group, the id of the group's first item
    # (as Wagtail's translation_key, but a number the index of the public news reads as one).
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.NEWS_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the item is written in."),
    )
    translation_group = models.PositiveBigIntegerField(
        _("translation group"), null=True, editable=False, db_index=True
    )
    translation_source = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="translations",
    )
    # When the title, lede or body last changed: a translation whose source's text changed
    # after its own is out of date (news/translations.py).
    text_changed_at = models.DateTimeField(_("text changed"), null=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    lede = typed_text(
        models.TextField, _("lede"), help_text=_("The opening paragraph, shown in lists and feeds.")
    )
    body = typed_text(
        models.TextField,
        _("body"),
        help_text=_("Rich text. Scripts, styles and unsafe links are removed on save."),
    )
    date_issued = models.DateField(
        _("date issued"),
        null=True,
        blank=True,
        help_text=_("The date the organisation issued it. Leave empty if unknown."),
    )
    dateline = typed_text(
        models.CharField,
        _("dateline"),
        max_length=120,
        help_text=_("Place and date printed at the start, e.g. “BELGRADE, 5 January 2021”."),
    )
    lead_structure = models.ForeignKey(
        Structure,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_news",
        help_text=_("The structure that issued it."),
    )
    supporting_structures = linked_terms(
        Structure, _("also issued by"), "NewsSupportingStructure", related_name="supported_news"
    )
    fields_of_work = linked_terms(FieldOfWork, _("fields of work"), "NewsFieldOfWork")
    countries = linked_terms(Country, _("countries"), "NewsCountry")
    meeting_series = linked_terms(MeetingSeries, _("meetings and conferences"), "NewsMeetingSeries")
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedNews, blank=True)

    # The library image the lead image was chosen from. Its file, size, alt text, caption,
    # credit and focal point are copied into the fields below when it is chosen (news/forms.py):
    # lists and cards read only those, never this table.
    library_image = models.ForeignKey(
        "library.Image",
        verbose_name=_("library image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        help_text=_("Choose an image from the library, or upload a new one below."),
    )
    image = models.ImageField(_("lead image"), upload_to=lead_image_path, blank=True)
    # Stored where the image is saved (news/images.py make_renditions()): pages size its
    # renditions from these without opening the file.
    image_width = models.PositiveIntegerField(_("image width"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("image height"), null=True, editable=False)
    # The renditions' names and sizes per role, stored where the image is saved (news/images.py
    # make_renditions()): a card names its srcset without easy-thumbnails' work.
    image_renditions = models.JSONField(_("image renditions"), default=dict, editable=False)
    image_original_name = uploaded_as()
    image_alt = typed_text(
        models.CharField,
        _("image alt text"),
        max_length=300,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_caption = typed_text(models.CharField, _("image caption"), max_length=500)
    image_credit = typed_text(models.CharField, _("image credit"), max_length=200)
    image_focal_x = models.PositiveSmallIntegerField(
        _("focal point, % from left"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Where crops should centre, e.g. on a face. Leave empty for the centre."),
    )
    image_focal_y = models.PositiveSmallIntegerField(
        _("focal point, % from top"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("When it becomes public. Set on publishing if left empty."),
    )
    planned_for = models.DateField(
        _("planned for"),
        null=True,
        blank=True,
        help_text=_(
            "The day you plan to publish it, for the editorial calendar. It publishes "
            "nothing: schedule or publish it when it is ready."
        ),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    # The home page's featured stories (newsroom/views.py HomeView): only published ones are
    # shown, so a featured draft waits unseen. Set by those who may publish (editors).
    featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_(
            "Shown at the top of the home page while it is published. The first featured "
            "item is the main story."
        ),
    )
    featured_order = models.PositiveSmallIntegerField(
        _("order on the home page"),
        default=0,
        blank=True,  # left empty: 0 (clean())
        help_text=_("Featured items are shown lowest number first, the newest first among equals."),
    )
    search_vector = SearchVectorField(
        _("search index"),
        null=True,
        editable=False,
        help_text=_("Kept up to date by the database from the title, lede and body."),
    )
    withdrawal_notice = typed_text(
        models.TextField,
        _("withdrawal notice"),
        help_text=_("Shown publicly on the item's page once it is withdrawn: say why."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = user_key(_("created by"), editable=False)
    updated_by = user_key(_("updated by"), editable=False)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-date_issued", "-id"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        get_latest_by = "date_issued"
        permissions = [
            ("publish_newsitem", _("Can publish, schedule and withdraw news items")),
            ("edit_any_newsitem", _("Can edit news items of any structure")),
        ]
        constraints = [
            # An item's address is its language's prefix and its slug (news/languages.py).
            models.UniqueConstraint(
                fields=["slug", "language"],
                name="news_slug_unique_per_language",
                violation_error_message=_("Another item in this language has this slug."),
            ),
            # One item per language in a translation group (news/translations.py refuses it
            # with a message first); its index also finds a group's item in a language.
            models.UniqueConstraint(
                fields=["translation_group", "language"],
                name="news_one_translation_per_language",
                violation_error_message=_(
                    "Another item of this translation group is in this language."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published")
                | models.Q(
                    date_issued__isnull=False,
                    lead_structure__isnull=False,
                    published_at__isnull=False,
                ),
                name="news_published_has_date_structure_time",
                violation_error_message=_(
                    "A published item needs a date issued, a lead structure and a publication time."
                ),
            ),
        ]
        indexes = [
            # The editorial calendar (embargoes/calendar.py): drafts planned for a month.
            models.Index(
                fields=["planned_for"],
                name="news_planned_for_idx",
                condition=models.Q(planned_for__isnull=False),
            ),
            # The public list, newest first: published() ordered by date issued. With the
            # publication time in it, a page of ids is read from the index alone (PostgreSQL).
            models.Index(
                "status",
                models.F("date_issued").desc(),
                models.F("id").desc(),
                name="news_public_recent_idx",
                include=["published_at"],
            ),
            # published() compares the publication time with now; the facet counts of
            # newsroom/counting.py read the kind, date and lead issuer of every published item from
            # this index alone (PostgreSQL).
            models.Index(
                fields=["status", "published_at"],
                name="news_public_facets_idx",
                include=["id", "kind", "date_issued", "lead_structure"],
            ),
            # The public list filtered by kind (?kind=…), newest first.
            models.Index(
                "status",
                "kind",
                models.F("date_issued").desc(),
                models.F("id").desc(),
                name="news_public_kind_recent_idx",
                include=["published_at"],
            ),
            # The home page's featured stories: the few featured items, in their order.
            models.Index(
                "featured_order",
                models.F("date_issued").desc(),
                models.F("id").desc(),
                name="news_featured_idx",
                condition=models.Q(featured=True),
            ),
            # Full-text search (?q=…): a GIN index on PostgreSQL, see news/search.py.
            SearchVectorIndex(fields=["search_vector"], name="news_search_vector_idx"),
        ]

    def __str__(self):
        return self.title

    TEXT_FIELDS = ("title", "lede", "body")

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        text_saved = update_fields is None or set(update_fields) & set(self.TEXT_FIELDS)
        if text_saved and self._text_changed():
            self.text_changed_at = timezone.now()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "text_changed_at"}
        super().save(*args, **kwargs)
        self._loaded_text = tuple(getattr(self, name) for name in self.TEXT_FIELDS)
        if self.translation_group is None:
            # A new item starts its own group, numbered by its id.
            self.translation_group = self.pk
            NewsItem.objects.filter(pk=self.pk).update(translation_group=self.pk)

    def get_absolute_url(self):
        with override(self.url_language):
            return reverse("news:detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        if all(name in field_names for name in cls.TEXT_FIELDS):
            item._loaded_text = tuple(getattr(item, name) for name in cls.TEXT_FIELDS)
        return item

    def _text_changed(self):
        """Whether the title, lede or body differ from what is stored."""
        if self.pk is None:
            return True
        loaded = getattr(self, "_loaded_text", None)
        if loaded is None:
            stored = NewsItem.objects.filter(pk=self.pk).values_list(*self.TEXT_FIELDS).first()
            loaded = tuple(stored) if stored else None
        return loaded != tuple(getattr(self, name) for name in self.TEXT_FIELDS)

    @property
    def group(self):
        """The item's translation group (see translation_group)."""
        return self.translation_group or self.pk

    @property
    def url_language(self):
        """The language of the item's address (news/languages.py prefix_of())."""
        return languages.prefix_of(self.language)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("“%(slug)s” is taken by the site's own pages.") % {"slug": self.slug}}
            )
        self._clean_slug_in_its_addresses()
        clean_lead_image(self)
        if self.featured_order is None:
            self.featured_order = 0

    def _clean_slug_in_its_addresses(self):
        """Items in languages without an interface share the default language's addresses
        (news/languages.py): a slug must be unique among all of them, not only its language's."""
        if not self.slug or not self.language:
            return
        under = languages.languages_under(self.url_language)
        taken = NewsItem.objects.filter(slug=self.slug, language__in=under).exclude(pk=self.pk)
        if taken.exclude(language=self.language).exists():
            raise ValidationError(
                {"slug": _("Another item with an address in this language has this slug.")}
            )

    def is_published(self):
        """The rule of NewsItemQuerySet.published(), for one item already loaded."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def has_public_page(self):
        """The rule of NewsItemQuerySet.public_pages(), for one item already loaded."""
        return self.is_published() or self.status == self.Status.WITHDRAWN

    def is_scheduled(self):
        """The rule of NewsItemQuerySet.scheduled(), for one item already loaded."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def is_hidden(self):
        """The rule of NewsItemQuerySet.hidden(), for one item already loaded."""
        return self.status in self.HIDDEN_STATUSES

    def missing_for_publication(self, fields_of_work=None):
        """What must be added before this item can be published, as sentences for the editor.

        `fields_of_work` is the set being saved by a form; without it, the stored set is used.
        """
        if fields_of_work is None:
            fields_of_work = self.fields_of_work.all() if self.pk else []
        missing = []
        if not self.date_issued:
            missing.append(_("a date issued"))
        if not self.lead_structure_id:
            missing.append(_("a lead issuing structure"))
        if not len(fields_of_work):
            missing.append(_("at least one field of work"))
        return missing

    @property
    def issuers(self):
        """The lead structure, then the supporting ones (prefetched by the views)."""
        lead = [self.lead_structure] if self.lead_structure_id else []
        supporting = self.supporting_structures.all()
        return lead + [s for s in supporting if s.pk != self.lead_structure_id]
