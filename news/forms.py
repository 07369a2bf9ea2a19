import copy
import datetime

from django import forms
from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from library.forms import ImagePreviewField, LeadImageFormMixin
from news import services
from news.html import sanitize_html
from news.models import RELATION_NAMES, NewsItem
from news.revisions import EditConflictMixin
from osce_cms.text import validate_no_control_characters

MANY_TO_MANY = {"supporting_structures", "fields_of_work"}
ONE_SECOND = datetime.timedelta(seconds=1)

# What the body editor offers: only markup that news/html.py keeps on save
# (tests/news/test_rich_text.py checks the two agree).
BODY_EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    # Images from the library, with their alt text: the dialog's "Browse..." opens the
    # library's chooser (library/admin.py); news/html.py keeps only our own images, with alt.
    "Figure": {"pickerUrl": reverse_lazy("admin:library_image_chooser")},
    "Image": True,
    "Caption": True,
    # Writers want the browser's spellcheck (the package turns it off by default).
    "NoSpellCheck": False,
    # Headings as buttons of their own rather than a dropdown behind an icon (body-editor.js
    # labels them).
    "Menu": {
        "groups": [
            {"group": "blockType -lists"},
            {"group": "lists"},
            {"group": "nodes -blockType -lists"},
            {"group": "marks"},
            {"group": "link"},
            {"group": "table"},
            {"group": "history"},
            {"group": "utility"},
        ]
    },
}

# The labels of the body editor's buttons, by the name of their menu item: shown as text
# beside (or instead of) the icon, and as the button's accessible name and tooltip.
BODY_EDITOR_LABELS = {
    "paragraph": _("Paragraph"),
    "heading2": _("Heading 2"),
    "heading3": _("Heading 3"),
    "heading4": _("Heading 4"),
    "bulletList": _("Bulleted list"),
    "orderedList": _("Numbered list"),
    "blockquote": _("Quote"),
    "link": _("Link"),
    "unlink": _("Remove link"),
}
# Buttons that keep their icon alone, with a label for screen readers and a tooltip.
BODY_EDITOR_TOOLTIPS = {
    "bold": _("Bold"),
    "italic": _("Italic"),
    "history:undo": _("Undo"),
    "history:redo": _("Redo"),
}


class BodyEditorWidget(AdminProseEditorWidget):
    """The prose editor as writers want it: spellcheck on, a comfortable height growing with
    the text, labelled buttons, and text pasted from Word or Google Docs reduced to what the
    body keeps (static/admin/news/body-editor.js, a TipTap extension loaded by the editor)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config", {"extensions": BODY_EDITOR_EXTENSIONS})
        kwargs.setdefault("preset", "configurable")
        super().__init__(*args, **kwargs)

    @property
    def media(self):
        return super().media + Media(css={"all": ["admin/news/body-editor.css"]})

    def get_config(self):
        config = super().get_config()
        labels = {name: str(label) for name, label in BODY_EDITOR_LABELS.items()}
        tooltips = {name: str(label) for name, label in BODY_EDITOR_TOOLTIPS.items()}
        return config | {
            # Loaded and configured by the package's "configurable" preset; left out of
            # BODY_EDITOR_EXTENSIONS, whose every entry makes markup the sanitiser must keep.
            "extensions": config["extensions"]
            | {"BodyEditor": {"labels": labels, "tooltips": tooltips}},
            "js_modules": [*config["js_modules"], static("admin/news/body-editor.js")],
        }


class NewsItemAdminForm(LeadImageFormMixin, EditConflictMixin, forms.ModelForm):
    """The admin's news form: a draft may be incomplete, a published item may not."""

    class Meta:
        model = NewsItem
        fields = [
            "title",
            "slug",
            "kind",
            "dateline",
            "lede",
            "body",
            "lead_structure",
            *RELATION_NAMES,
            "library_image",
            "image",
            "image_alt",
            "image_caption",
            "image_credit",
            "image_focal_x",
            "image_focal_y",
            "date_issued",
            "published_at",
            "planned_for",
            "withdrawal_notice",
        ]
        # The status is the form's own field below, never written onto the item by the form:
        # the admin's fieldsets name it, and this keeps the model field out.
        exclude = ["status"]  # noqa: DJ006
        widgets = {
            "body": BodyEditorWidget(),
        }

    # The lead image as it is now (library/forms.py): a click sets its focal point.
    image_preview = ImagePreviewField(label=_("Lead image"))

    # The status to move the item to, applied by news.services once the item and its
    # relations are saved (WorkflowAdminMixin.apply_workflow): the form never writes it.
    status = NewsItem._meta.get_field("status").formfield()
    confirm_publication = forms.BooleanField(
        label=_("Publish despite the warnings"),
        required=False,
        help_text=_("Tick to publish an item issued by or with a structure that has closed."),
    )

    def __init__(self, *args, user=None, **kwargs):
        # Whose rights the form applies (NewsItemAdmin.get_form passes the request's user).
        # Without one, the status cannot be changed.
        self.user = user
        super().__init__(*args, **kwargs)
        self.initial_status = self.instance.status
        self.initial.setdefault("status", self.initial_status)
        if "status" in self.fields:
            # The current status, then the moves this user may make from it.
            reachable = services.targets(self.user, self.instance) if self.user else []
            self.fields["status"].choices = [
                (status.value, status.label)
                for status in NewsItem.Status
                if status == self.initial_status or status in reachable
            ]
            self.fields["status"].help_text = _(
                "Choose a new status to move the item when saving; each move is recorded. "
                "Published with a publication time to come, it is scheduled."
            )
        if "lead_structure" in self.fields and self.user is not None:
            field = self.fields["lead_structure"]
            field.queryset = services.lead_structure_choices(self.user, field.queryset)
            field.error_messages["invalid_choice"] = _(
                "You may only name a structure you publish for, or one under it, as the issuer."
            )

    def clean_body(self):
        """A body too long, too deeply nested or too slow to clean is refused here, beside the
        field (news/html.py). The result is kept: NewsItem.save() gets it without cleaning
        again."""
        sanitize_html(self.cleaned_data["body"])
        return self.cleaned_data["body"]

    def clean_tags(self):
        for name in self.cleaned_data["tags"]:
            validate_no_control_characters(name)
        return self.cleaned_data["tags"]

    @property
    def target_status(self):
        """The status chosen: the current one unless the user picked a move."""
        return getattr(self, "cleaned_data", {}).get("status") or self.initial_status

    def clean(self):
        cleaned_data = super().clean()
        if self.target_status != self.initial_status:
            self.check_move()
        elif self.initial_status == NewsItem.Status.PUBLISHED:
            self.check_reschedule()
        return cleaned_data

    # A published item's new publication time, for news.services.reschedule(); else None.
    new_publication_time = None

    def check_reschedule(self):
        """A changed time of a published item is a move of its own (it may publish or hide
        the item): left to news.services, like the status."""
        if "published_at" not in self.cleaned_data:
            return
        at = self.cleaned_data.pop("published_at")
        stored = self.instance.published_at
        # The admin's time widget drops fractions of a second: the same second is no change.
        if at is not None and stored is not None and abs(at - stored) < ONE_SECOND:
            return
        try:
            services.check_reschedule(self.instance, self.user, at)
        except services.Refused as refusal:
            self.add_error("published_at", refusal)
        else:
            self.new_publication_time = at

    def check_move(self):
        """news.services.check() for the values being saved, errors beside their fields."""
        submitted = self.submitted
        candidate = copy.copy(self.instance)
        candidate.date_issued = submitted("date_issued")
        candidate.lead_structure = submitted("lead_structure")
        warnings = services.closed_taxonomy(
            candidate,
            lead_structure=candidate.lead_structure,
            supporting_structures=submitted("supporting_structures"),
        )
        try:
            services.check(
                candidate,
                self.user,
                self.target_status,
                fields_of_work=submitted("fields_of_work"),
                notice=submitted("withdrawal_notice"),
                confirmed=self.cleaned_data.get("confirm_publication", False),
                warnings=warnings,
            )
        except services.Refused as refusal:
            fields = {"notice": "withdrawal_notice", "confirm": "confirm_publication"}
            field = fields.get(refusal.code, "status")
            # A field the user cannot edit (read-only) gets no error of its own.
            self.add_error(field if field in self.fields else "status", refusal)

    def submitted(self, name):
        """The value being saved for the model field `name`: the form's, else the stored one."""
        if name in self.fields:
            value = self.cleaned_data.get(name)
            return value if value is not None or name not in MANY_TO_MANY else []
        if name in MANY_TO_MANY:
            return list(getattr(self.instance, name).all()) if self.instance.pk else []
        return getattr(self.instance, name)
