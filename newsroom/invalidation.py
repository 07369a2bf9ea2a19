"""What makes the public pages forget what they keep: every receiver that does, connected here.

The public pages show published news items with their terms and attachments, and the terms
with what is said of them (former names, chairpersonships). Saving or deleting any of these
replaces the publication state (freshness.changed()), which makes everything cached for the
public pages unreachable. Rows that belong to one item (its links to terms, its attachments)
show only where the item does: those of a hidden item (NewsItem.is_hidden(): a draft, an item
in review) change nothing a visitor sees and leave the state alone, as does the hidden item's
own save, unless it was public until then.

Writes that send no model signal (QuerySet.update(), bulk_create(), COPY, a restored
database) announce themselves with news.signals.content_changed, or call freshness.changed().
Nothing here is reached by a read.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from news.models import Attachment, NewsItem, Tag, TaggedNews
from news.signals import content_changed
from newsroom import freshness
from newsroom import index as news_index
from newsroom.facets import RELATION_BY_NAME
from structures.models import FormerName
from taxonomy.models import Chairpersonship

# Every relation of an item: its own (news.models.RELATIONS) and those other apps keep of it
# (a meeting's news, attached row by row from the meeting's admin inline).
RELATIONS = tuple(RELATION_BY_NAME.values())
# Rows that belong to one item, public where it is: {model: its key to the item}.
ITEM_ROWS = {relation.link: relation.news_key for relation in RELATIONS} | {Attachment: "news"}
# Terms, and what is said of them besides their own row, shown beside every item using them.
# A meeting is one: its title is a choice of /news/; deleting it deletes its rows of news.
TERMS = [
    *dict.fromkeys(relation.term for relation in RELATIONS),
    Chairpersonship,
    FormerName,
]


def shows_any(item_ids):
    """Whether any of the items may be on a public page: all but those known to be hidden."""
    if item_ids is None:
        return True
    item_ids = set(item_ids)
    return NewsItem.objects.filter(pk__in=item_ids).hidden().count() < len(item_ids)


def _item_saving(sender, instance, **kwargs):
    """Note whether a hidden item being saved was public until now (one query, hidden only)."""
    instance._was_public = False
    if instance.pk is not None and instance.is_hidden():
        stored = sender._default_manager.filter(pk=instance.pk).only("status").first()
        instance._was_public = stored is not None and not stored.is_hidden()


def public_change(item_ids=None):
    """What the public sees changed, in items `item_ids` (None: in anything): the index of
    the public news reads them again, and the publication state is replaced."""
    news_index.record(item_ids)
    freshness.changed()


def _item_saved(sender, instance, **kwargs):
    if not instance.is_hidden() or instance._was_public:
        public_change([instance.pk])


def _item_deleted(sender, instance, **kwargs):
    if not instance.is_hidden():
        public_change([instance.pk])


def _item_row_changed(sender, instance, **kwargs):
    """A link to a term or an attachment, saved or deleted: public where its item is."""
    item_id = getattr(instance, sender._meta.get_field(ITEM_ROWS[sender]).attname)
    if shows_any([item_id]):
        public_change([item_id])


def _links_changed(sender, instance, action, pk_set, **kwargs):
    """Links added or removed through a many-to-many manager, from the item's end
    (item.fields_of_work.add()) or the term's (field.news.add(item))."""
    if not action.startswith("post_"):
        return
    item_ids = [instance.pk] if isinstance(instance, NewsItem) else pk_set
    if shows_any(item_ids):
        public_change(item_ids)


def _term_changed(sender, instance=None, **kwargs):
    """A term: the index knows items by term id, and reads the terms' tree anew each time.
    A tag no public item uses (one just made by tagging a draft) is on no public page."""
    if sender is Tag and not shows_any(
        TaggedNews.objects.filter(tag=instance).values_list("content_object_id", flat=True)
    ):
        return
    freshness.changed()


def _content_changed(sender, **kwargs):
    public_change()


def connect():
    """Connect the receivers (from NewsroomConfig.ready())."""
    uid = "newsroom_invalidation"
    pre_save.connect(_item_saving, sender=NewsItem, dispatch_uid=f"{uid}_item_pre")
    post_save.connect(_item_saved, sender=NewsItem, dispatch_uid=f"{uid}_item")
    post_delete.connect(_item_deleted, sender=NewsItem, dispatch_uid=f"{uid}_item_delete")
    for receiver, models in [(_item_row_changed, ITEM_ROWS), (_term_changed, TERMS)]:
        for model in models:
            label = model._meta.label
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}_{label}")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}_{label}_delete")
    for relation in RELATIONS:
        m2m_changed.connect(
            _links_changed, sender=relation.link, dispatch_uid=f"{uid}_{relation.name}_m2m"
        )
    content_changed.connect(_content_changed, dispatch_uid=f"{uid}_content")
