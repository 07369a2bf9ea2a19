"""Edit conflicts: the admin's news form never saves over what someone else saved after it was
loaded without the editor having seen it, and never loses either edit.

A refused save is a three-way merge, with what the editor loaded as its base: a field only the
editor changed keeps their value, a field only the other person changed takes theirs (put
into the form), and a field both changed to different values is a conflict, shown with both
values and who changed it when; the editor chooses, field by field, to keep theirs or take
the stored one, and saves. The other person's version stays in the history (every admin
save is a revision).

What the editor loaded travels with the form, signed (EditBaseField): an item imported
without revisions has no revision to be the base.
"""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.forms.widgets import ChoiceWidget
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from taggit.models import Tag

from news.html import html_for_display
from news.models import RELATION_BY_NAME, NewsItem
from news.revisions.compare import list_diff, text_diff
from news.revisions.versions import term_ids, versions_of

# The radio buttons of a conflict: "resolve-<field name>", "mine" or "theirs".
CHOICE_PREFIX = "resolve-"
KEEP_MINE, TAKE_THEIRS = "mine", "theirs"
_BASE_SALT = "news.revisions.edit-base"


@dataclass(frozen=True)
class SavedState:
    """What an editor's form was loaded from: compared again when the form is saved."""

    token: str
    by: object
    at: object
    version: object  # the latest Version, or None


def edit_version(latest, updated_at):
    """The token of an item's stored state: its latest revision and its update time."""
    return f"{latest.pk if latest else 0}:{updated_at.isoformat()}"


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
    token = edit_version(latest, item.updated_at)
    by, at = item.updated_by, item.updated_at
    if latest and latest.revision.date_created > item.updated_at:
        by, at = latest.revision.user, latest.revision.date_created
    return SavedState(token=token, by=by, at=at, version=latest)


def display_name(user):
    if user is None:
        return _("an unknown user")
    return user.get_full_name() or user.get_username()


def local_time(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class _StateField(forms.CharField):
    """A hidden field saying what the form was loaded from: not content, so never "changed"."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)

    def has_changed(self, initial, data):
        return False


class EditVersionField(_StateField):
    """The stored state a form was loaded from.

    A fresh form carries one token. After a refused save it carries two, "loaded|seen":
    the state the editor started from (empty if unknown) and the latest one, which the
    refusal showed them.
    """


class EditBaseField(_StateField):
    """The values the editor is editing from, signed: the base of the three-way merge. After
    a refused save, the fields settled then have the stored value as their base."""


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


# Values compared ------------------------------------------------------------------------


def model_field(name):
    try:
        return NewsItem._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _by_name(name):
    """Tags are posted as names; every other relation by id."""
    field = model_field(name)
    return field is not None and field.related_model is Tag


def canonical(name, value):
    """A value of field `name` as compared between the base, the editor's and the stored one:
    a string, or a sorted list of strings, the same whether it comes from the item, a form's
    cleaned data or a revision."""
    by_name = _by_name(name)

    def one(value):
        if value is None or value is False:
            return ""
        if isinstance(value, models.Model):
            return str(value) if by_name else str(value.pk)
        if isinstance(value, UploadedFile):
            # A new upload is never what was stored.
            return f"\0upload:{value.name}:{id(value)}"
        if isinstance(value, FieldFile):
            return value.name or ""
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = value.astimezone(datetime.UTC)
            # The admin's time widget drops fractions of a second.
            return value.replace(microsecond=0).isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if value is True:
            return "true"
        text = str(value).replace("\r\n", "\n")
        if name == "body":
            # As it is stored: the editor may write the same markup another way.
            return html_for_display(text)
        return text

    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(one(element) for element in value)
    return one(value)


def merged_names(form):
    """The form's fields that are the item's content: what a merge compares."""
    return [
        name
        for name in form.fields
        if name == "status" or (model_field(name) is not None and name not in form.STATE_FIELDS)
    ]


def stored_value(item, name):
    """The value of `name` stored on `item`, as a form's cleaned data holds it."""
    field = model_field(name)
    if field is None:
        return getattr(item, name)
    if field.many_to_many:
        return list(getattr(item, name).all())
    if field.is_relation:
        return getattr(item, name)
    return getattr(item, field.attname)


def version_values(version, names):
    """The canonical values of `names` in a revision."""
    values = version.field_dict
    result = {}
    for name in names:
        field = model_field(name)
        if field is None:
            continue
        relation = RELATION_BY_NAME.get(name)
        if relation is not None:
            ids = term_ids(version, relation)
            if _by_name(name):
                names_by_id = dict(Tag.objects.filter(pk__in=ids).values_list("pk", "name"))
                ids = [names_by_id.get(pk, f"#{pk}") for pk in ids]
            result[name] = canonical(name, ids)
        elif field.attname in values:
            result[name] = canonical(name, values[field.attname])
    return result


@dataclass
class Conflict:
    """A field both editors changed, to different values."""

    name: str
    label: str
    mine: str  # HTML
    theirs: str  # HTML
    by: str
    at: str
    choice: str | None
    missing: bool = False

    @property
    def input_name(self):
        return CHOICE_PREFIX + self.name


@dataclass
class Merge:
    """The outcome of a three-way merge: the fields to take from the stored item, the
    conflicts, and the base the next save of the form starts from."""

    taken: list
    conflicts: list
    base: dict


# What a merge shows ----------------------------------------------------------------------


def _quiet_dash():
    return mark_safe('<span class="quiet">—</span>')


def shown_value(name, value):
    """`value` of field `name` as a reader understands it (escaped HTML)."""
    field = model_field(name)
    if value is None or value == "" or value is False:
        return _quiet_dash()
    if field is not None and field.choices:
        return escape(dict(field.flatchoices).get(value, value))
    if isinstance(value, list | tuple | models.QuerySet):
        return escape(", ".join(sorted(str(element) for element in value))) or _quiet_dash()
    if isinstance(value, UploadedFile):
        return escape(_("a new file: %(name)s") % {"name": value.name})
    if isinstance(value, FieldFile):
        return escape(value.name.rsplit("/", 1)[-1]) if value.name else _quiet_dash()
    if isinstance(value, datetime.datetime):
        return escape(local_time(value))
    if isinstance(value, datetime.date):
        return escape(formats.date_format(value, "DATE_FORMAT"))
    if value is True:
        return escape(_("yes"))
    return escape(str(value))


def shown_pair(name, mine, theirs):
    """(mine, theirs) as HTML, what differs marked: text word by word (the body as it reads,
    without its markup), lists name by name."""
    field = model_field(name)
    is_text = isinstance(field, models.CharField | models.TextField) and not field.choices
    if is_text and isinstance(mine, str) and isinstance(theirs, str):
        theirs_html, mine_html = text_diff(name, theirs, mine, marks=("mark", "mark"))
        return mine_html or _quiet_dash(), theirs_html or _quiet_dash()
    if field is not None and field.many_to_many:
        theirs_html, mine_html = list_diff(
            sorted(str(element) for element in theirs or []),
            sorted(str(element) for element in mine or []),
            marks=("mark", "mark"),
        )
        return mine_html, theirs_html
    return shown_value(name, mine), shown_value(name, theirs)


def last_changes(item_pk, loaded, names, base):
    """Who last changed each of `names` since the revision the form was loaded from, and
    when: {name: (user, date)}, from the revisions saved since."""
    loaded_pk = loaded.partition(":")[0]
    if not loaded_pk.isdigit():
        return {}
    changes, before = {}, dict(base)
    versions = versions_of(item_pk).filter(pk__gt=int(loaded_pk)).order_by("pk")
    for version in versions:
        values = version_values(version, names)
        for name in names:
            if name in values and values[name] != before.get(name):
                changes[name] = (version.revision.user, version.revision.date_created)
        before.update(values)
    return changes


# The form ---------------------------------------------------------------------------------


class EditConflictMixin:
    """For the admin's news form: refuses to save over what someone else saved after the
    form was loaded, and merges the two edits.

    The form carries the stored state it was loaded from (EditVersionField) and the values
    it was loaded with (EditBaseField); saving compares the state with the stored one now, in
    the saving transaction and with the row locked. When someone else saved meanwhile, the
    save is refused: the form comes back with their changes to fields the editor left alone,
    the editor's own changes, and a table of the fields both changed (Conflict), each with a
    choice to make. Saving again, with every choice made and nobody having saved since, saves
    the merge. A form posted without a state, or with something else in its place, is
    refused: it cannot tell what the editor has seen, so every field that differs from the
    stored one is a conflict.
    """

    STATE_FIELDS = ("edit_version", "edit_base")
    # Set by clean(): the conflicts to show (empty unless a save was refused).
    edit_conflicts = ()
    # Set by clean() once a merge is saved: the fields given the stored value.
    taken_from_stored = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        self.fields["edit_version"] = EditVersionField()
        self.fields["edit_base"] = EditBaseField()
        if not self.is_bound:
            state = saved_state(self.instance.pk)
            self.fields["edit_version"].initial = state.token if state else ""
            values = {
                name: canonical(
                    name,
                    self.initial[name]
                    if name in self.initial
                    else stored_value(self.instance, name),
                )
                for name in merged_names(self)
            }
            self.fields["edit_base"].initial = self.sign_base(values)

    # The base, signed --------------------------------------------------------------------

    def sign_base(self, values):
        return signing.dumps(
            {"item": self.instance.pk, "values": values}, salt=_BASE_SALT, compress=True
        )

    def posted_base(self):
        """The base values the form was posted with: {name: value or None if unknown}."""
        try:
            payload = signing.loads(
                self.data.get(self.add_prefix("edit_base"), ""), salt=_BASE_SALT
            )
        except (signing.BadSignature, ValueError, TypeError):
            return {}
        if not isinstance(payload, dict) or payload.get("item") != self.instance.pk:
            return {}
        values = payload.get("values")
        return values if isinstance(values, dict) else {}

    # Saving --------------------------------------------------------------------------------

    def clean(self):
        cleaned_data = super().clean()
        if "edit_version" not in self.fields:
            return cleaned_data
        parsed = parse_edit_version(cleaned_data.get("edit_version"))
        state = saved_state(self.instance.pk, lock=True)
        if state is None:
            return cleaned_data
        loaded, seen = parsed if parsed is not None else ("", "")
        if parsed is not None and loaded == state.token:
            return cleaned_data  # nobody saved since the form was loaded
        stored = NewsItem.objects.get(pk=self.instance.pk)
        merge = self.merge(stored, self.posted_base() if parsed is not None else {})
        self.edit_conflicts = self.describe(merge, stored, state, loaded)
        if parsed is not None and seen == state.token:
            # The editor has seen the stored state: their choices settle the conflicts.
            missing = [conflict for conflict in self.edit_conflicts if conflict.choice is None]
            if not missing:
                self.settle(merge, stored)
                return cleaned_data
            for conflict in missing:
                conflict.missing = True
            self.show_merge(merge, stored, f"{loaded}|{seen}", keep_choices=True)
            raise forms.ValidationError(
                _("Choose which version to keep for: %(fields)s.")
                % {"fields": self.label_list([conflict.name for conflict in missing])},
                code="edit_conflict_unresolved",
            )
        self.show_merge(merge, stored, f"{loaded}|{state.token}", keep_choices=False)
        raise forms.ValidationError(
            self.refusal(state, merge, known=parsed is not None),
            code="edit_conflict" if parsed else "edit_version_missing",
        )

    def merge(self, stored, base):
        """The three-way merge of `base`, the posted values and the `stored` item."""
        names = merged_names(self)
        theirs = model_to_dict(stored, fields=names)
        theirs.setdefault("status", stored.status)
        taken, conflicts, next_base = [], [], dict(base)
        for name in names:
            if name not in self.cleaned_data:
                continue  # refused: its error is shown, and it is merged once it is valid
            mine = canonical(name, self.cleaned_data[name])
            stored_now = canonical(name, theirs.get(name))
            original = base.get(name)
            if mine == stored_now:
                next_base[name] = stored_now
            elif original is not None and mine == original:
                taken.append(name)
                next_base[name] = stored_now
            elif original is not None and stored_now == original:
                next_base[name] = stored_now  # only the editor changed it
            else:
                conflicts.append(name)  # its base stays: a conflict until chosen
        # A field the editor left as it was, refused only because of what the other person
        # changed (a status no longer reachable from the stored one): theirs.
        for name in names:
            if name in self.cleaned_data or name not in self.errors:
                continue
            posted = self.fields[name].widget.value_from_datadict(
                self.data, self.files, self.add_prefix(name)
            )
            original, stored_now = base.get(name), canonical(name, theirs.get(name))
            unchanged = isinstance(posted, str | list) and canonical(name, posted) == original
            if unchanged and original != stored_now:
                del self._errors[name]
                taken.append(name)
                next_base[name] = stored_now
        return Merge(taken=taken, conflicts=conflicts, base=next_base)

    def describe(self, merge, stored, state, loaded):
        """The conflicts of `merge` as the page shows them."""
        changes = last_changes(self.instance.pk, loaded, merge.conflicts, merge.base)
        conflicts = []
        for name in merge.conflicts:
            mine, theirs = self.cleaned_data[name], stored_value(stored, name)
            if _by_name(name):
                theirs = [tag.name for tag in theirs]
            mine_html, theirs_html = shown_pair(name, mine, theirs)
            by, at = changes.get(name, (state.by, state.at))
            choice = self.data.get(self.add_prefix(CHOICE_PREFIX + name))
            conflicts.append(
                Conflict(
                    name=name,
                    label=self.field_label(name),
                    mine=mine_html,
                    theirs=theirs_html,
                    by=display_name(by),
                    at=local_time(at),
                    choice=choice if choice in (KEEP_MINE, TAKE_THEIRS) else None,
                )
            )
        return conflicts

    def settle(self, merge, stored):
        """Put the stored value in the cleaned data of each field taken from it."""
        chosen = [c.name for c in self.edit_conflicts if c.choice == TAKE_THEIRS]
        self.taken_from_stored = [*merge.taken, *chosen]
        for name in self.taken_from_stored:
            self.cleaned_data[name] = stored_value(stored, name)

    @property
    def changed_data(self):
        """What the editor changed: not the fields a merge took from the stored item."""
        return [name for name in super().changed_data if name not in self.taken_from_stored]

    def show_merge(self, merge, stored, edit_version, keep_choices):
        """The form as it comes back: the stored values of the fields taken from it, the
        editor's elsewhere, the state now shown and the new base."""
        self.data = self.data.copy()
        self.files = self.files.copy()
        initial = model_to_dict(stored, fields=merge.taken)
        for name in merge.taken:
            put_value(self, name, initial.get(name, stored_value(stored, name)))
        self.data[self.add_prefix("edit_version")] = edit_version
        self.data[self.add_prefix("edit_base")] = self.sign_base(merge.base)
        if not keep_choices:
            for key in [key for key in self.data if key.startswith(self.add_prefix(CHOICE_PREFIX))]:
                self.data.pop(key)
            for conflict in self.edit_conflicts:
                conflict.choice = None

    def refusal(self, state, merge, known):
        links = {
            "who": display_name(state.by),
            "when": local_time(state.at),
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
        message = format_html(opening, **links)
        parts = [_("Your changes are below and have not been saved.")]
        label = self.label_list
        if merge.taken:
            parts.append(
                _("Their changes to %(fields)s are now in the form.")
                % {"fields": label(merge.taken)}
            )
        if merge.conflicts:
            parts.append(
                _(
                    "You both changed %(fields)s: for each, choose below whether to keep your "
                    "version or take theirs, then save again."
                )
                % {"fields": label(merge.conflicts)}
            )
        else:
            parts.append(_("Check the form and save again."))
        for part in parts:
            message = format_html("{} {}", message, part)
        return format_html(
            "{} "
            + _(
                'Compare with <a href="{current}" target="_blank">the current version</a> '
                '(or its <a href="{history}" target="_blank">history</a>), or '
                '<a href="{reload}">discard your changes and open the current version</a>.'
            ),
            message,
            **links,
        )

    def field_label(self, name):
        field = model_field(name)
        return str(field.verbose_name if field is not None else self.fields[name].label or name)

    def label_list(self, names):
        return get_text_list([self.field_label(name) for name in names], _("and"))


def put_value(form, name, value):
    """Set the posted data of the form's field `name` to show `value` (as a model's
    field gives it, model_to_dict), as a browser would post it."""
    field = form.fields[name]
    widget = field.widget
    while isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    _put(form, form.add_prefix(name), widget, field.prepare_value(value))


def _put(form, key, widget, value):
    data = form.data
    if isinstance(widget, forms.MultiWidget):
        values = value if isinstance(value, list | tuple) else widget.decompress(value)
        for suffix, subwidget, subvalue in zip(
            widget.widgets_names, widget.widgets, values, strict=False
        ):
            _put(form, key + suffix, subwidget, subvalue)
    elif isinstance(widget, forms.FileInput):
        # The stored file is the form's initial value: no upload, no clearing.
        form.files.pop(key, None)
        if isinstance(widget, forms.ClearableFileInput):
            data.pop(widget.clear_checkbox_name(key), None)
    elif isinstance(widget, forms.CheckboxInput):
        if widget.check_test(value):
            data[key] = "on"
        else:
            data.pop(key, None)
    elif isinstance(widget, ChoiceWidget):
        values = widget.format_value(value)
        if widget.allow_multiple_selected:
            data.setlist(key, values)
        else:
            data[key] = values[0] if values else ""
    else:
        shown = widget.format_value(value)
        data[key] = "" if shown is None else str(shown)
