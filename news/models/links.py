"""What an item is linked to: its terms, each through a link table, and RELATIONS, the one list
of them that revisions, invalidation, the admin and the demo read."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase, TaggedItemBase

from osce_cms.text import validate_no_control_characters
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries


class Tag(TagBase):
    """A free tag. Kept in this app so that a tag in use cannot be deleted by accident."""

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def get_absolute_url(self):
        return reverse("news:list") + "?" + urlencode({"tag": self.slug})

    def clean(self):
        # A method, not a validator on the name: the field is taggit's.
        super().clean()
        try:
            validate_no_control_characters(self.name)
        except ValidationError as error:
            raise ValidationError({"name": error}) from None


class TaggedNews(TaggedItemBase):
    # Both ends are indexed by the unique constraint and the index below; db_index=False
    # spares a duplicate index on each (and its cost on every insert).
    content_object = models.ForeignKey(
        "NewsItem", on_delete=models.CASCADE, related_name="tagged_items", db_index=False
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="tagged_news", db_index=False
    )

    class Meta:
        verbose_name = _("news item using it")
        verbose_name_plural = _("news items using it")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_news_unique")
        ]
        indexes = [
            # "news tagged X": from the tag to its items.
            models.Index(fields=["tag", "content_object"], name="tagged_news_tag_idx"),
        ]

    def __str__(self):
        return str(self.content_object)


def news_key(related_name):
    """A link table's key to the item; `related_name` names the item's link rows."""
    return models.ForeignKey(
        "NewsItem", on_delete=models.CASCADE, related_name=related_name, db_index=False
    )


def term_key(term):
    """A link table's key to a term: a term in use cannot be deleted."""
    return models.ForeignKey(term, on_delete=models.PROTECT, related_name="+", db_index=False)


def link_rules(term, unique, index):
    """A link table's constraints and indexes: the unique (news, term) constraint and the
    (term, news) index, which serve both directions, so that the keys need no index of their
    own. The index filters and counts news by the term."""
    return (
        [models.UniqueConstraint(fields=["news", term], name=unique)],
        [models.Index(fields=[term, "news"], name=index)],
    )


class NewsLink(models.Model):
    """One link of a news item (its key: `news`) to one term."""

    class Meta:
        abstract = True
        verbose_name = _("news item using it")
        verbose_name_plural = _("news items using it")

    def __str__(self):
        return str(self.news)


class NewsFieldOfWork(NewsLink):
    news = news_key("field_links")
    field = term_key(FieldOfWork)

    class Meta(NewsLink.Meta):
        constraints, indexes = link_rules("field", "news_field_unique", "news_field_by_field_idx")


class NewsCountry(NewsLink):
    news = news_key("country_links")
    country = term_key(Country)

    class Meta(NewsLink.Meta):
        constraints, indexes = link_rules(
            "country", "news_country_unique", "news_country_by_country_idx"
        )


class NewsMeetingSeries(NewsLink):
    news = news_key("meeting_links")
    meeting_series = term_key(MeetingSeries)

    class Meta(NewsLink.Meta):
        constraints, indexes = link_rules(
            "meeting_series", "news_meeting_unique", "news_meeting_by_meeting_idx"
        )


class NewsSupportingStructure(NewsLink):
    news = news_key("supporting_links")
    structure = term_key(Structure)

    class Meta(NewsLink.Meta):
        verbose_name = _("news item also issued by it")
        verbose_name_plural = _("news items also issued by it")
        constraints, indexes = link_rules(
            "structure", "news_structure_unique", "news_structure_by_struct_idx"
        )


@dataclass(frozen=True)
class Relation:
    """One kind of term an item is linked to, through its own link table."""

    name: str  # the NewsItem attribute: item.fields_of_work
    link: type[models.Model]  # the link table: NewsFieldOfWork
    news_key: str  # the link table's key to the item: "news"
    term_key: str  # the link table's key to the term: "field"

    @property
    def term(self):
        """The model of the terms: FieldOfWork."""
        return self.link._meta.get_field(self.term_key).related_model

    @property
    def links(self):
        """The item's accessor for its rows in the link table: "field_links"."""
        return self.link._meta.get_field(self.news_key).remote_field.related_name

    @property
    def news_attname(self):
        """The link table's attribute holding the item's id: "news_id"."""
        return self.link._meta.get_field(self.news_key).attname

    @property
    def term_attname(self):
        """The link table's attribute holding the term's id: "field_id"."""
        return self.link._meta.get_field(self.term_key).attname


# The relations of an item, declared once and in the order of the item's fields (the form's):
# read by revisions, invalidation, the admin, the public filters and demo.
RELATIONS = (
    Relation("supporting_structures", NewsSupportingStructure, "news", "structure"),
    Relation("fields_of_work", NewsFieldOfWork, "news", "field"),
    Relation("countries", NewsCountry, "news", "country"),
    Relation("meeting_series", NewsMeetingSeries, "news", "meeting_series"),
    Relation("tags", TaggedNews, "content_object", "tag"),
)
# The item's fields that hold them, for forms and fieldsets.
RELATION_NAMES = [relation.name for relation in RELATIONS]
# Each relation by its name, for the table of facets (newsroom/facets.py `relation`, which
# adds the link tables other apps keep of items: a meeting's news).
RELATION_BY_NAME = {relation.name: relation for relation in RELATIONS}
