"""What a revision of a news item keeps, and reading it back.

A revision holds the item and every row that ties it to something else. django-reversion's
serializer leaves out many-to-many fields that have their own through model, so the link
rows of RELATIONS are versioned as objects of their own and the item follows them by their
related names; reverting a revision then restores those rows and deletes the ones added
after it.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from reversion.models import Version

from news.models import RELATIONS, Attachment, NewsItem
from structures.models import Structure

# Not kept: the search index is the database's own copy of title, lede and body.
EXCLUDED_FIELDS = ["search_vector"]


def register():
    """Put news items under version control, with everything that belongs to them.

    Called by the app's ready() and by news.admin, which the admin site imports before that
    (a VersionAdmin would otherwise register the item without its relations).
    """
    if reversion.is_registered(NewsItem):
        return
    for relation in RELATIONS:
        reversion.register(relation.link)
    reversion.register(Attachment)
    reversion.register(
        NewsItem,
        exclude=EXCLUDED_FIELDS,
        follow=[relation.links for relation in RELATIONS] + ["attachments"],
    )


def versions_of(item_pk):
    """The stored versions of one news item, newest first."""
    return Version.objects.get_for_object_reference(NewsItem, item_pk).select_related(
        "revision__user"
    )


def rows_in_revision(version, model, news_key):
    """The stored rows of `model` that belong to the item of `version`, in its revision:
    `news_key` is the row's field naming the item ("news")."""
    attname = model._meta.get_field(news_key).attname
    content_type = ContentType.objects.get_for_model(model)
    rows = version.revision.version_set.filter(content_type=content_type)
    return [row.field_dict for row in rows if str(row.field_dict[attname]) == version.object_id]


def term_ids(version, relation):
    """The ids of the terms the item of `version` is linked to by `relation` (one of
    RELATIONS), whether or not they still exist."""
    attname = relation.term_attname
    return [row[attname] for row in rows_in_revision(version, relation.link, relation.news_key)]


def deleted_terms(version):
    """What the item's revision `version` refers to that has been deleted since: restoring it
    would fail on the database's foreign keys."""
    missing = []
    lead = version.field_dict.get("lead_structure_id")
    if lead is not None and not Structure.objects.filter(pk=lead).exists():
        missing.append(_("issuing structure #%(id)s") % {"id": lead})
    for relation in RELATIONS:
        ids = set(term_ids(version, relation))
        found = set(relation.term._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        label = NewsItem._meta.get_field(relation.name).verbose_name
        missing += [f"{label} #{pk}" for pk in sorted(ids - found)]
    return missing
