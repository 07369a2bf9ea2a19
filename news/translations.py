"""Translations of news items: making one, keeping a group's shared details in step, and
telling which translations are out of date.

Items that are translations of each other share a translation group (NewsItem
.translation_group). Each is an item of its own, with its own text, slug, status, revisions
and publication; what describes the news rather than its words is shared (SHARED_FIELDS,
SHARED_RELATIONS, and the single meetings the meetings app attaches items to) and kept the
same on every member by keep_in_step(), called wherever one member's shared details change.
"""

import re

import reversion
from django.db import models, transaction
from django.utils.translation import gettext as _

from news import languages
from news.models import RESERVED_SLUGS, NewsItem
from news.services import Refused, can_change, is_reachable

Status = NewsItem.Status

# What a translator writes anew: copied into a new translation for them to overwrite.
TEXT_FIELDS = ["title", "lede", "body", "dateline", "image_alt", "image_caption"]
# What describes the news whatever its language: the same on every member of a group.
SHARED_FIELDS = [
    "kind",
    "date_issued",
    "lead_structure",
    "library_image",
    "image",
    "image_original_name",
    "image_width",
    "image_height",
    "image_renditions",
    "image_focal_x",
    "image_focal_y",
    "image_credit",
]
SHARED_RELATIONS = ["supporting_structures", "fields_of_work", "countries", "meeting_series"]
# The single meetings an item is attached to: the meetings app's relation to items (its
# reverse accessor on NewsItem), shared like the meeting series when that app is installed.
MEETINGS = "meetings"
# A published item must keep these (the check constraint news_published_has_date_structure_time).
REQUIRED_WHEN_PUBLISHED = ["date_issued", "lead_structure"]


def shared_relations():
    """The names of the shared relations on NewsItem, the single meetings' among them."""
    has_meetings = any(
        getattr(field, "get_accessor_name", lambda: None)() == MEETINGS
        for field in NewsItem._meta.related_objects
    )
    return [*SHARED_RELATIONS, *([MEETINGS] if has_meetings else [])]


# Out of date ------------------------------------------------------------------------------


def is_out_of_date(source_text_changed_at, own_text_changed_at):
    """The rule: a translation is out of date when the text of the item it was translated
    from changed after its own text last did. out_of_date() says the same in SQL."""
    return (
        source_text_changed_at is not None
        and own_text_changed_at is not None
        and source_text_changed_at > own_text_changed_at
    )


def out_of_date():
    """is_out_of_date() as a condition on NewsItem rows (one join to the source)."""
    return models.Q(translation_source__text_changed_at__gt=models.F("text_changed_at"))


def with_out_of_date(items):
    """`items` annotated with `out_of_date` (True or False), for lists."""
    return items.annotate(
        out_of_date=models.Case(
            models.When(out_of_date(), then=True),
            default=False,
            output_field=models.BooleanField(),
        )
    )


def item_is_out_of_date(item):
    """is_out_of_date() for one item: its annotation when it has one, else read."""
    if hasattr(item, "out_of_date"):
        return bool(item.out_of_date)
    if item.translation_source_id is None:
        return False
    source = item.translation_source
    return is_out_of_date(source.text_changed_at, item.text_changed_at)


# The group ----------------------------------------------------------------------------------


def members(item):
    """The other items of `item`'s translation group."""
    if item.pk is None:
        return NewsItem.objects.none()
    return NewsItem.objects.filter(translation_group=item.group).exclude(pk=item.pk)


def language_taken(item, language):
    """The other member of `item`'s group written in `language`, if there is one."""
    return members(item).filter(language=language).first()


def missing_languages(item):
    """The languages of settings.NEWS_LANGUAGES that `item`'s group has no item in: those of
    the interface first, then the others, each in settings' order."""
    have = {item.language, *members(item).values_list("language", flat=True)}
    codes = [code for code in languages.news_codes() if code not in have]
    site = languages.site_codes()
    return sorted(codes, key=lambda code: code not in site)


def locked_members(item, user):
    """The other members of the group `user` may not change (published ones, for a
    publisher): their shared details are not `user`'s to change either."""
    return [other for other in members(item) if not can_change(user, other)]


# Slugs ----------------------------------------------------------------------------------------


def unique_slug(text, language, exclude=None):
    """readable_slug(text), made unique among the items whose addresses are under the same
    prefix as `language`'s (NewsItem._clean_slug_in_its_addresses) by a number at its end."""
    max_length = NewsItem._meta.get_field("slug").max_length
    base = languages.readable_slug(text, max_length=max_length - 6) or "news"
    under = languages.languages_under(languages.prefix_of(language))
    taken = NewsItem.objects.filter(slug__startswith=base, language__in=under)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    taken = set(taken.values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def follows_its_source(item, stored_slug):
    """Whether a translation's `stored_slug` is still the one made for it from its source's
    title: while it is hidden (a draft, in review), a new title gives it a new slug."""
    if item.pk is None or item.translation_source_id is None or not item.is_hidden():
        return False
    source = NewsItem.objects.filter(pk=item.translation_source_id).only("title").first()
    if source is None:
        return False
    base = languages.readable_slug(source.title)
    return bool(base) and re.fullmatch(rf"{re.escape(base)}(-\d+)?", stored_slug) is not None


# Translate into… ----------------------------------------------------------------------------


def check_translate(item, language, user):
    """Raise Refused unless `user` may make a translation of `item` into `language`."""
    if not user.has_perm("news.add_newsitem") or not is_reachable(user, item):
        raise Refused(_("You may not translate this item."), code="forbidden")
    if language not in languages.news_codes():
        raise Refused(_("Choose one of the languages news is written in."), code="language")
    if language == item.language or language_taken(item, language) is not None:
        raise Refused(
            _("This item already has a translation in %(language)s.")
            % {"language": languages.name(language)},
            code="taken",
        )


@transaction.atomic
def translate(item, language, user):
    """A new draft of `item` in `language`, in its group, for `user` to translate: its text
    copied to be overwritten, its shared details the same as the group's. Raises Refused."""
    # The group's rows locked (PostgreSQL): two clicks at once make one translation.
    list(NewsItem.objects.select_for_update().filter(translation_group=item.group))
    item = NewsItem.objects.get(pk=item.pk)
    check_translate(item, language, user)
    translation = NewsItem(
        language=language,
        translation_group=item.group,
        translation_source=item,
        status=Status.DRAFT,
        slug=unique_slug(item.title, language),
        created_by=user,
        updated_by=user,
        **{name: getattr(item, name) for name in TEXT_FIELDS},
        **{name: getattr(item, name) for name in SHARED_FIELDS},
    )
    with reversion.create_revision():
        translation.save()
        for name in shared_relations():
            getattr(translation, name).set(getattr(item, name).all())
        reversion.set_user(user)
        reversion.set_comment(
            _("Translation of “%(title)s” (%(language)s) started.")
            % {"title": item.title, "language": languages.name(item.language)}
        )
    return translation


# Keeping a group in step ----------------------------------------------------------------------


def shared_values(item):
    """{name: value} of `item`'s shared fields, and {name: set of ids} of its relations."""
    fields = {name: _value(item, name) for name in SHARED_FIELDS}
    relations = {
        name: set(getattr(item, name).values_list("pk", flat=True)) for name in shared_relations()
    }
    return fields, relations


def _value(item, name):
    field = NewsItem._meta.get_field(name)
    value = getattr(item, field.attname)
    return value.name if hasattr(value, "name") and hasattr(value, "storage") else value


def check_shared(item, values):
    """Errors ({field: message}) of saving `values` (the shared fields' new values) on
    `item`: a published member of its group must keep a date issued and a lead issuer."""
    published = members(item).filter(status=Status.PUBLISHED).first()
    if published is None:
        return {}
    return {
        name: _("“%(title)s”, a translation of this item, is published: it needs this.")
        % {"title": published.title}
        for name in REQUIRED_WHEN_PUBLISHED
        if name in values and values[name] in (None, "")
    }


@transaction.atomic
def keep_in_step(item, user=None):
    """Give every other member of `item`'s group `item`'s shared details; return those changed.

    Each changed member is saved with its fields and its relations set (the model's signals
    tell the public pages: newsroom/invalidation.py), and says `user` updated it. It gets no
    revision of its own: were it added to the revision of `item`'s save, reverting that
    revision would put back its text of then too.
    """
    others = list(members(item).select_for_update())
    if not others:
        return []
    fields, relations = shared_values(item)
    changed = []
    with reversion.create_revision(manage_manually=True):
        for other in others:
            other_fields, other_relations = shared_values(other)
            names = [name for name in SHARED_FIELDS if other_fields[name] != fields[name]]
            links = [name for name in relations if other_relations[name] != relations[name]]
            if not names and not links:
                continue
            if other.status == Status.PUBLISHED and any(
                fields[name] is None for name in REQUIRED_WHEN_PUBLISHED
            ):
                continue  # refused by the admin's form (check_shared); never emptied here
            for name in names:
                setattr(other, NewsItem._meta.get_field(name).attname, fields[name])
            if "image" in names:
                # A new image needs its alt text (news/images.py): where the member has none,
                # the saved item's, for its translator to write in the member's language.
                for name in ["image_alt", "image_caption"]:
                    if not getattr(other, name).strip() and getattr(item, name):
                        setattr(other, name, getattr(item, name))
                        names.append(name)
            if user is not None:
                other.updated_by = user
            other.save(update_fields=[*names, "updated_by", "updated_at"])
            for name in links:
                getattr(other, name).set(relations[name])
            changed.append(other)
    return changed


def share_meeting(item_id, meeting, attached):
    """Attach the translation group of item `item_id` to single `meeting`, or detach it (the
    meetings app's admin, where a meeting's news are chosen one item at a time)."""
    group = NewsItem.objects.filter(pk=item_id).values_list("translation_group", flat=True).first()
    if group is None:
        return
    for other in NewsItem.objects.filter(translation_group=group).exclude(pk=item_id):
        links = getattr(other, MEETINGS)
        if attached:
            links.add(meeting)
        else:
            links.remove(meeting)
