"""Revisions of news items: what a revision keeps, how two compare, and who saved last.

A revision holds the item and every row that ties it to something else. django-reversion's
serializer leaves out many-to-many fields that have their own through model, so the through
rows are versioned as objects of their own and the item follows them by their related names;
reverting a revision then restores those rows and deletes the ones added after it.
"""

import difflib
import html
import re
from dataclasses import dataclass

import reversion
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from reversion.models import Version

from news.models import (
    Attachment,
    NewsCountry,
    NewsFieldOfWork,
    NewsItem,
    NewsMeetingSeries,
    NewsSupportingStructure,
    Tag,
    TaggedNews,
)
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries


@dataclass(frozen=True)
class Relation:
    """One relation of a news item as a revision stores it: rows of `through` pointing at
    the item by `news_key` and at a `target` by `target_key`."""

    name: str
    through: type
    follow: str
    news_key: str
    target: type
    target_key: str


RELATIONS = [
    Relation("supporting_structures", NewsSupportingStructure, "supporting_links", "news_id",
             Structure, "structure_id"),
    Relation("fields_of_work", NewsFieldOfWork, "field_links", "news_id", FieldOfWork,
             "field_id"),
    Relation("countries", NewsCountry, "country_links", "news_id", Country, "country_id"),
    Relation("meeting_series", NewsMeetingSeries, "meeting_links", "news_id", MeetingSeries,
             "meeting_series_id"),
    Relation("tags", TaggedNews, "tagged_items", "content_object_id", Tag, "tag_id"),
]

# Not kept: the search index is the database's own copy of title, lede and body.
EXCLUDED_FIELDS = ["search_vector"]
# Kept but not compared: the history page already says who saved when.
UNCOMPARED_FIELDS = {"id", "created_at", "created_by", "updated_at", "updated_by"}


def register():
    """Put news items under version control, with everything that belongs to them.

    Called by the app's ready() and by news.admin, which the admin site imports before that
    (a VersionAdmin would otherwise register the item without its relations).
    """
    if reversion.is_registered(NewsItem):
        return
    for relation in RELATIONS:
        reversion.register(relation.through)
    reversion.register(Attachment)
    reversion.register(
        NewsItem,
        exclude=EXCLUDED_FIELDS,
        follow=[relation.follow for relation in RELATIONS] + ["attachments"],
    )


def versions_of(item_pk):
    """The stored versions of one news item, newest first."""
    return Version.objects.get_for_object_reference(NewsItem, item_pk).select_related(
        "revision__user"
    )


def deleted_terms(version):
    """What the item's revision `version` refers to that has been deleted since: restoring it
    would fail on the database's foreign keys."""
    missing = []
    lead = version.field_dict.get("lead_structure_id")
    if lead is not None and not Structure.objects.filter(pk=lead).exists():
        missing.append(_("issuing structure #%(id)s") % {"id": lead})
    for relation in RELATIONS:
        rows = _rows_in_revision(version, relation.through, relation.news_key)
        ids = {row[relation.target_key] for row in rows}
        found = set(
            relation.target._default_manager.filter(pk__in=ids).values_list("pk", flat=True)
        )
        label = NewsItem._meta.get_field(relation.name).verbose_name
        missing += [f"{label} #{pk}" for pk in sorted(ids - found)]
    return missing


# Edit conflicts ------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedState:
    """What an editor's form was loaded from: compared again when the form is saved."""

    token: str
    by: object
    at: object
    version: object  # the latest Version, or None

    def changes_since(self, token):
        """The labels of the fields changed between the revision `token` was loaded from
        and the latest one, when both are known."""
        loaded = token.partition(":")[0]
        if self.version is None or not loaded.isdigit() or int(loaded) == self.version.pk:
            return []
        older = Version.objects.filter(
            pk=loaded, content_type=self.version.content_type, object_id=self.version.object_id
        ).first()
        return [change.label for change in compare(older, self.version)] if older else []


def saved_state(item_pk, lock=False):
    """The item's state as stored now, or None if it no longer exists.

    The token changes with every save: `updated_at` moves on each ordinary save, and the
    latest revision moves when a revision is restored (which puts the old `updated_at` back).
    With `lock`, the row stays locked until the transaction ends (PostgreSQL), so that two
    saves cannot both pass the comparison.
    """
    rows = NewsItem.objects.filter(pk=item_pk).select_related("updated_by")
    if lock:
        rows = rows.select_for_update(of=("self",))
    item = rows.first()
    if item is None:
        return None
    latest = versions_of(item_pk).order_by("-pk").first()
    token = f"{latest.pk if latest else 0}:{item.updated_at.isoformat()}"
    by, at = item.updated_by, item.updated_at
    if latest and latest.revision.date_created > item.updated_at:
        by, at = latest.revision.user, latest.revision.date_created
    return SavedState(token=token, by=by, at=at, version=latest)


def display_name(user):
    if user is None:
        return _("an unknown user")
    return user.get_full_name() or user.get_username()


class EditVersionField(forms.CharField):
    """The stored state a form was loaded from: not content, so never "changed".

    A fresh form carries one token. After a refused save it carries two, "loaded|seen":
    the state the editor started from (empty if unknown) and the latest one, which the
    refusal showed them.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


class OverwriteField(forms.BooleanField):
    """The editor's choice, after a refused save, to save their version over the latest."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("I have compared: save my version over theirs"),
            help_text=_(
                "Your save replaces every field with what you see on this page, including "
                "the fields they changed."
            ),
            **kwargs,
        )

    def has_changed(self, initial, data):
        return False


# A token as saved_state() writes it: "<version pk>:<updated_at in ISO 8601>".
_EDIT_VERSION = re.compile(r"\d+:[0-9T:.+\-]+")


def parse_edit_version(value):
    """(loaded, seen) from an edit_version field's value, or None if it is missing or not one
    of ours. `loaded` is "" when the state the editor started from is unknown."""
    loaded, two, seen = (value or "").partition("|")
    if not two:
        seen = loaded
    if not _EDIT_VERSION.fullmatch(seen) or (loaded and not _EDIT_VERSION.fullmatch(loaded)):
        return None
    return loaded, seen


class EditConflictMixin:
    """For the admin's news form: refuses to save over what someone else saved after the
    form was loaded, until the editor has chosen to.

    The form carries the stored state it was loaded from; saving compares it with the
    stored state now, in the saving transaction and with the row locked. A form posted
    without it, or with something else in its place, is refused: it cannot tell what the
    editor has seen. On a refusal the form comes back with the editor's own values, an
    error naming who saved when and what they changed, and a box to tick to save over it;
    saving again without the tick, or after yet another save, is refused again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        self.fields["edit_version"] = EditVersionField()
        self.fields["overwrite"] = OverwriteField()
        if not self.is_bound:
            state = saved_state(self.instance.pk)
            self.fields["edit_version"].initial = state.token if state else ""

    @property
    def offers_overwrite(self):
        """Whether the page shows the choice to save over the latest state: once a save of
        this form has been refused."""
        if not self.is_bound or "edit_version" not in self.fields:
            return False
        parsed = parse_edit_version(self.data.get(self.add_prefix("edit_version")))
        return parsed is not None and parsed[0] != parsed[1]

    def clean(self):
        cleaned_data = super().clean()
        if "edit_version" not in self.fields:
            return cleaned_data
        parsed = parse_edit_version(cleaned_data.get("edit_version"))
        state = saved_state(self.instance.pk, lock=True)
        if state is None:
            return cleaned_data
        if parsed is not None:
            loaded, seen = parsed
            if loaded == state.token:
                return cleaned_data  # nobody saved since the form was loaded
            if seen == state.token and cleaned_data.get("overwrite"):
                return cleaned_data  # the editor saw the latest state and chose to replace it
        loaded = parsed[0] if parsed else ""
        # The next save needs the tick again, against the state shown now.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_version")] = f"{loaded}|{state.token}"
        self.data.pop(self.add_prefix("overwrite"), None)
        cleaned_data.pop("overwrite", None)
        raise forms.ValidationError(
            self.refusal(state, loaded, known=parsed is not None),
            code="edit_conflict" if parsed else "edit_version_missing",
        )

    def refusal(self, state, loaded, known):
        links = {
            "who": display_name(state.by),
            "when": formats.date_format(timezone.localtime(state.at), "DATETIME_FORMAT"),
            "current": reverse("news:preview", args=[self.instance.pk]),
            "history": reverse("admin:news_newsitem_history", args=[self.instance.pk]),
            "reload": reverse("admin:news_newsitem_change", args=[self.instance.pk]),
        }
        if not known:
            opening = _(
                "This form did not say which version of the item it was loaded from, so it "
                "cannot tell whether someone else saved meanwhile (the last save was by {who} "
                "at {when})."
            )
        else:
            opening = _("Someone else ({who}) saved this item at {when} while you were editing.")
        message = format_html(
            opening
            + " "
            + _(
                "Your changes are below and have not been saved. Compare them with "
                '<a href="{current}" target="_blank">the current version</a> '
                '(or its <a href="{history}" target="_blank">history</a>), then either tick '
                "“I have compared: save my version over theirs” and save again, or "
                '<a href="{reload}">discard your changes and open the current version</a>.'
            ),
            **links,
        )
        changed = state.changes_since(loaded) if loaded else []
        if changed:
            message = format_html(
                "{} {}",
                message,
                _("They changed: %(fields)s.") % {"fields": get_text_list(changed, _("and"))},
            )
        return message


# Comparison ----------------------------------------------------------------------------


@dataclass
class Change:
    label: str
    before: str
    after: str


def compare(older, newer):
    """The differences between two versions of one item, field by field, in form order.

    Text is compared word by word (<del>/<ins>, escaped); relations list names.
    """
    old_fields, new_fields = older.field_dict, newer.field_dict
    changes = []
    for field in NewsItem._meta.concrete_fields:
        name = field.attname
        if field.name in UNCOMPARED_FIELDS or field.name in EXCLUDED_FIELDS:
            continue
        before, after = old_fields.get(name), new_fields.get(name)
        if before == after:
            continue
        label = str(field.verbose_name)
        if isinstance(field, models.TextField | models.CharField) and not field.choices:
            old_html, new_html = _text_diff(field.name, before or "", after or "")
            changes.append(Change(label, old_html, new_html))
        else:
            changes.append(Change(label, _value(field, before), _value(field, after)))
    for relation in RELATIONS:
        before = _related_names(older, relation)
        after = _related_names(newer, relation)
        if before != after:
            label = str(NewsItem._meta.get_field(relation.name).verbose_name)
            changes.append(Change(label, *_list_diff(before, after)))
    before, after = _attachments(older), _attachments(newer)
    if before != after:
        label = str(Attachment._meta.verbose_name_plural)
        changes.append(Change(label, *_list_diff(before, after)))
    return changes


def _value(field, value):
    if value is None or value == "":
        return mark_safe('<span class="quiet">—</span>')
    if field.choices:
        return escape(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        target = field.related_model._default_manager.filter(pk=value).first()
        return escape(str(target) if target else _("#%(id)s (deleted)") % {"id": value})
    if isinstance(field, models.DateTimeField):
        return escape(formats.date_format(timezone.localtime(value), "DATETIME_FORMAT"))
    if isinstance(field, models.DateField):
        return escape(formats.date_format(value, "DATE_FORMAT"))
    return escape(str(value))


_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_TOKEN = re.compile(r"\s+|[^\s]+")


def _plain(text):
    """Rich text as a reader sees it: paragraphs on lines of their own, no markup."""
    text = _BLOCK_END.sub("\n", text)
    return html.unescape(_TAG.sub("", text)).strip()


def _text_diff(name, before, after):
    if name == "body":
        # Compared as it reads; only when nothing but the markup changed (a link, emphasis),
        # the markup itself.
        plain_before, plain_after = _plain(before), _plain(after)
        if plain_before != plain_after:
            before, after = plain_before, plain_after
    old_tokens, new_tokens = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    # Runs of (changed?, old text, new text); a space alone between two changes joins them,
    # so that "<del>Forty judges</del>" reads as one change.
    runs = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        runs.append([op != "equal", "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])])
    merged = []
    for index, run in enumerate(runs):
        between_changes = 0 < index < len(runs) - 1 and runs[index + 1][0] and merged[-1][0]
        if not run[0] and between_changes and not run[1].strip():
            run[0] = True
        if merged and run[0] and merged[-1][0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    old_html, new_html = [], []
    for changed, old_text, new_text in merged:
        old_part, new_part = escape(old_text), escape(new_text)
        if not changed:
            old_html.append(old_part)
            new_html.append(new_part)
            continue
        if old_part:
            old_html.append(format_html("<del>{}</del>", mark_safe(old_part)))
        if new_part:
            new_html.append(format_html("<ins>{}</ins>", mark_safe(new_part)))
    return (
        mark_safe("".join(old_html).replace("\n", "<br>")),
        mark_safe("".join(new_html).replace("\n", "<br>")),
    )


def _list_diff(before, after):
    def render(names, other, tag):
        if not names:
            return '<span class="quiet">—</span>'
        parts = [
            format_html("<{0}>{1}</{0}>", mark_safe(tag), name)
            if name not in other
            else escape(name)
            for name in names
        ]
        return "<br>".join(parts)

    return mark_safe(render(before, after, "del")), mark_safe(render(after, before, "ins"))


def _rows_in_revision(version, model, news_key):
    content_type = ContentType.objects.get_for_model(model)
    rows = version.revision.version_set.filter(content_type=content_type)
    return [row.field_dict for row in rows if str(row.field_dict[news_key]) == version.object_id]


def _related_names(version, relation):
    rows = _rows_in_revision(version, relation.through, relation.news_key)
    ids = [row[relation.target_key] for row in rows]
    names = {
        obj.pk: str(obj) for obj in relation.target._default_manager.filter(pk__in=ids)
    }
    return sorted(names.get(pk, _("#%(id)s (deleted)") % {"id": pk}) for pk in ids)


def _attachments(version):
    languages = dict(Attachment._meta.get_field("language").flatchoices)
    return sorted(
        _("%(title)s (%(language)s, %(file)s)")
        % {
            "title": row["title"],
            "language": languages.get(row["language"], row["language"]),
            "file": str(row["file"]).rsplit("/", 1)[-1],
        }
        for row in _rows_in_revision(version, Attachment, "news_id")
    )
