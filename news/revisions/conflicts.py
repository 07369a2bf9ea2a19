"""Edit conflicts: the admin's news form refuses to save over what someone else saved after
it was loaded, until the editor has compared and chosen to."""

import re
from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from reversion.models import Version

from news.models import NewsItem
from news.revisions.compare import compare
from news.revisions.versions import versions_of


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
