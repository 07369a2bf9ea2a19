"""What the message catalogues must cover, and a reader of .po files.

The reader is ours because the tests must run without GNU gettext or polib: it reads what
makemessages writes (entries separated by blank lines, `#:` locations, `#,` flags,
msgctxt/msgid/msgid_plural/msgstr[n] with continued strings) and leaves obsolete `#~`
entries out, as msgfmt does.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["ru", "fr", "de"]

# The source paths whose texts a visitor reads: the public templates, the public Python, and
# the emails a subscriber receives. A catalogue entry used in any of them must be translated
# in every language of TRANSLATED. Anything else (the admin, the API, management commands,
# staff emails) may stay in English. A path ending in "/" covers everything under it.
VISITOR_PATHS = [
    # Site chrome and error pages (not templates/admin/, templates/api/, templates/library/).
    "templates/base.html",
    "templates/includes/",
    "templates/404.html",
    "templates/429.html",
    "templates/500.html",
    "templates/503.html",
    # The news list, item pages, taxonomy and structure pages, home, feeds, facets, filters.
    "newsroom/",
    "pages/templates/",
    "pages/views.py",
    "meetings/templates/",
    "meetings/views.py",
    "structures/templates/structures/field_operations.html",
    "structures/views.py",
    # Email alerts: the sign-up and management pages and the emails themselves.
    "alerts/forms.py",
    "alerts/views.py",
    "alerts/emails.py",
    "alerts/templates/",
    # An embargoed item seen through its shared link, and the email that sends the link.
    "embargoes/templates/embargoes/embargoed.html",
    "embargoes/templates/embargoes/unavailable.html",
    "embargoes/templates/embargoes/includes/",
    "embargoes/templates/embargoes/email/",
    "embargoes/views.py",
    # The site's own views, navigation, breadcrumbs and the answers of its security layer.
    "osce_cms/views.py",
    "osce_cms/navigation.py",
    "osce_cms/breadcrumbs.py",
    "osce_cms/security.py",
    "osce_cms/site_tags.py",
    # The names of the languages (the language facet, the switcher, "In English").
    "osce_cms/settings.py",
    # Validation messages a visitor can meet in a form (alerts) come from here too.
    "osce_cms/text.py",
]


def visitor_model_texts():
    """Texts of models that public pages render (choice labels and a few display strings).
    Their files are mostly the admin's, so they are named one by one, from the code itself:
    a new choice is covered as soon as it is added."""
    from alerts.models import Subscription
    from meetings.models import Meeting
    from news.models import NewsItem
    from pages.models import Page
    from structures.models import Structure
    from taxonomy.models import Country

    texts = [
        *NewsItem.Kind.labels,
        *NewsItem.Status.labels,
        *Country.Group.labels,
        *Structure.Kind.labels,
        *Page.Slot.labels,
        *Subscription.Frequency.labels,
    ]
    texts += _strings_in(Meeting, "place")
    return texts


def _strings_in(model, method):
    """The literal texts given to _() inside a model's method (e.g. Meeting.place: "Online")."""
    import inspect
    import textwrap

    function = getattr(model, method)
    function = getattr(function, "fget", function)
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in {"_", "gettext", "gettext_lazy"}
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def is_visitor_path(location):
    path = location.rsplit(":", 1)[0]
    return any(
        path.startswith(prefix) if prefix.endswith("/") else path == prefix
        for prefix in VISITOR_PATHS
    )


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    flags: set = field(default_factory=set)

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr) and not self.fuzzy

    def for_visitor(self, model_texts=()):
        return any(is_visitor_path(loc) for loc in self.locations) or (
            self.msgctxt is None and self.msgid in model_texts
        )


def read_po(path):
    """The entries of a .po file, the header (msgid "") first."""
    entries, entry, last = [], Entry(), None

    def finish():
        nonlocal entry, last
        if last is not None:
            entries.append(entry)
        entry, last = Entry(), None

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#:"):
            entry.locations += line[2:].split()
        elif line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, last, ast.literal_eval(line))
        else:
            keyword, _space, value = line.partition(" ")
            last = keyword
            if keyword.startswith("msgstr["):
                entry.msgstr.append("")
            elif keyword == "msgstr":
                entry.msgstr = [""]
            _append(entry, last, ast.literal_eval(value))
    finish()
    return entries


def _append(entry, keyword, text):
    if keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    else:
        entry.msgstr[-1] += text


def po_path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"
