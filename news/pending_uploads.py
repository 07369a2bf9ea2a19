"""A PDF attachment chosen in a form that then has errors is not lost: it is stored as soon as
it passes its own checks, and the form shown again carries a signed reference to it (the
file's stored name), named beside the file input, so that the editor need not choose it again.

The reference is signed (SECRET_KEY, its own salt) and lasts KEEP_FOR; it names a file under
the attachments' folder of the private storage only. A kept file whose form is never saved
stays in the private storage, unreachable (it has no address), like any file left by a
deleted attachment.
"""

from datetime import timedelta

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

SALT = "news.pending_uploads.attachment"
KEEP_FOR = timedelta(hours=24)
FOLDER = "news/attachments/"
SUFFIX = "-kept"


class KeptFile:
    """A file stored by an earlier post of the same form, as the form field's value."""

    def __init__(self, name, original_name):
        self.name = name
        self.original_name = original_name
        self.size = 1  # stored, so not empty: FileField.to_python() asks

    def __bool__(self):
        return True


def sign(name, original_name):
    return signing.dumps({"name": name, "original": original_name}, salt=SALT)


def unsign(token):
    """The KeptFile a token names, or None if it is not one of ours, has expired or names a
    file outside the attachments' folder."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=KEEP_FOR)
        name, original = str(kept["name"]), str(kept["original"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if not name.startswith(FOLDER) or ".." in name:
        return None
    return KeptFile(name, original)


class KeptFileInput(AdminFileWidget):
    """The admin's file input, with the file kept from an earlier post named beside it."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.kept = None  # (token, original name)

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if value is None and data.get(name + SUFFIX):
            kept = unsign(data[name + SUFFIX])
            if kept is not None:
                self.kept = (data[name + SUFFIX], kept.original_name)
                return kept
        return value

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.kept is None:
            return html
        token, original = self.kept
        note = format_html(
            '<input type="hidden" name="{}" value="{}"><p class="help kept-file">{}</p>',
            name + SUFFIX,
            token,
            _("Kept: %(name)s. No need to choose it again.") % {"name": original},
        )
        return mark_safe(html + note)


class KeptAttachmentForm(forms.ModelForm):
    """The attachment inline's form: a new file is stored once it passes its checks, and
    survives the errors of the rest of the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].widget = KeptFileInput()

    def _post_clean(self):
        file = getattr(self, "cleaned_data", {}).get("file")
        if isinstance(file, KeptFile):
            self.cleaned_data["file"] = None  # construct_instance leaves the stored name
            self.instance.file = file.name
            self.instance.original_name = file.original_name
        super()._post_clean()
        self.keep_new_upload()

    def keep_new_upload(self):
        if "file" not in self.fields or self.has_error("file"):
            return
        file = self.instance.file
        if not file or file._committed:
            return
        file.save(file.name, file.file, save=False)
        widget = self.fields["file"].widget
        widget.kept = (sign(file.name, self.instance.original_name), self.instance.original_name)
