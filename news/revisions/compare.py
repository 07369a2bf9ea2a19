"""How two revisions of a news item differ, field by field, as the history's compare page
shows them."""

import difflib
import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from news.models import RELATIONS, Attachment, NewsItem
from news.revisions.versions import EXCLUDED_FIELDS, rows_in_revision, term_ids

# Kept but not compared: the history page already says who saved when (and when the text
# changed, which the compared title, lede and body show).
UNCOMPARED_FIELDS = {
    "id",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "text_changed_at",
}


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
            old_html, new_html = text_diff(field.name, before or "", after or "")
            changes.append(Change(label, old_html, new_html))
        else:
            changes.append(Change(label, _value(field, before), _value(field, after)))
    for relation in RELATIONS:  # in the order of the form
        before = _related_names(older, relation)
        after = _related_names(newer, relation)
        if before != after:
            label = str(NewsItem._meta.get_field(relation.name).verbose_name)
            changes.append(Change(label, *list_diff(before, after)))
    before, after = _attachments(older), _attachments(newer)
    if before != after:
        label = str(Attachment._meta.verbose_name_plural)
        changes.append(Change(label, *list_diff(before, after)))
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


def text_diff(name, before, after, marks=("del", "ins")):
    """(before, after) as HTML, escaped, what differs word by word marked with `marks`: the
    removed words in `before`, the added ones in `after`."""
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
            old_html.append(format_html("<{0}>{1}</{0}>", mark_safe(marks[0]), mark_safe(old_part)))
        if new_part:
            new_html.append(format_html("<{0}>{1}</{0}>", mark_safe(marks[1]), mark_safe(new_part)))
    return (
        mark_safe("".join(old_html).replace("\n", "<br>")),
        mark_safe("".join(new_html).replace("\n", "<br>")),
    )


def list_diff(before, after, marks=("del", "ins")):
    """(before, after) lists of names as HTML, the names only in one of them marked."""

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

    return mark_safe(render(before, after, marks[0])), mark_safe(render(after, before, marks[1]))


def _related_names(version, relation):
    ids = term_ids(version, relation)
    names = {obj.pk: str(obj) for obj in relation.term._default_manager.filter(pk__in=ids)}
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
        for row in rows_in_revision(version, Attachment, "news")
    )
