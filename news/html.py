"""Server-side sanitising of rich text: whatever the admin posted, only this allowlist is kept.

A body is cleaned when it is saved and again when it is shown (news/templatetags/news_html.py),
so that a body written around save() (update(), an import, a restore) is never served raw.
The second cleaning costs a dictionary look-up: results are kept per content.

The cleaner (nh3, html5ever underneath) takes time that grows with the square of the markup's
nesting: 100,000 nested <div>s kept a worker busy for most of a minute. So the length and the
nesting depth are checked first, by a linear scan, and the cleaning itself has a time budget.
"""

import hashlib
import logging
import posixpath
import re
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd",
    "a", "strong", "em", "b", "i", "u", "s", "sub", "sup", "abbr", "cite", "q", "code",
    "blockquote", "figure", "figcaption", "img",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Where an image in a body may come from, under MEDIA_URL: the renditions of library images
# (library.models.RENDITIONS, made by easy-thumbnails) and the images themselves. An <img>
# from anywhere else, or without alt text, is removed (and refused by the admin's form).
IMAGE_PATHS = ("renditions/", "news/images/")

# Part of the key of every kept result: a change of the rules above is a new key.
RULES = (
    sorted(ALLOWED_TAGS),
    sorted((tag, sorted(names)) for tag, names in ALLOWED_ATTRIBUTES.items()),
    sorted(URL_SCHEMES),
    IMAGE_PATHS,
    "img needs src and alt",
    "img src without percent-escapes",
)
RULES_VERSION = hashlib.sha256(repr(RULES).encode()).hexdigest()[:16]


class MarkupTooComplex(ValidationError):
    """A body too long, too deeply nested or too slow to clean: refused, never half-cleaned."""


def _is_own_media(url):
    """Whether `url` is one of the site's own images: a path (no scheme, host or query) under
    MEDIA_URL in IMAGE_PATHS, with no "..", "//", backslash or percent-escape (browsers read
    "%2e%2e" as "..") to lead elsewhere; stored names are generated, plain ASCII."""
    parts = urlsplit(url)
    path = parts.path
    if parts.scheme or parts.netloc or parts.query or "\\" in url or "//" in path or "%" in url:
        return False
    if posixpath.normpath(path) != path:
        return False
    return any(path.startswith(settings.MEDIA_URL + prefix) for prefix in IMAGE_PATHS)


def _filter_attribute(tag, attribute, value):
    if tag == "img" and attribute == "src" and not _is_own_media(value):
        return None
    return value


# An <img> as nh3 writes it, and its attributes (always double-quoted, quotes escaped).
_IMG = re.compile(r"<img\b[^>]*>")
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


def _image_attributes(tag):
    return dict(_ATTRIBUTE.findall(tag))


def _keep_described_images(html):
    """Images without a source (a foreign one was removed) or without alt text are dropped."""

    def keep(found):
        attributes = _image_attributes(found.group(0))
        if attributes.get("src") and attributes.get("alt", "").strip():
            return found.group(0)
        return ""

    return _IMG.sub(keep, html) if "<img" in html else html


def image_problems(html):
    """What sanitising would remove from `html`'s images, for the form to say before saving:
    (number without alt text, number from elsewhere than the site's own images)."""
    if "<img" not in html:
        return 0, 0
    cleaned = nh3.clean(
        html,
        tags={"img"},
        attributes={"img": {"src", "alt"}},
        url_schemes=URL_SCHEMES,
        strip_comments=True,
    )
    no_alt = foreign = 0
    for found in _IMG.finditer(cleaned):
        attributes = _image_attributes(found.group(0))
        if not _is_own_media(unescape_attribute(attributes.get("src", ""))):
            foreign += 1
        elif not attributes.get("alt", "").strip():
            no_alt += 1
    return no_alt, foreign


def unescape_attribute(value):
    return (
        value.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


def _clean(html):
    return _keep_described_images(_clean_markup(html))


def _clean_markup(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# --- Bounds, checked before cleaning -------------------------------------------------------

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr",
}
# Elements a parser closes by itself when a sibling starts (<li><li>, <p><p>, <td><td>): they
# cannot nest without an element counted here in between, so they are not counted.
_SELF_CLOSING_SIBLINGS = {
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
    "rb", "rt", "rtc", "rp",
}
# Elements whose content is text up to their end tag (outside SVG and MathML).
_RAW_TEXT = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
}
# One piece of markup: a comment, CDATA, a start or end tag with its attributes (a quoted
# value may hold ">"), or a bogus comment ("<!x>", "<?x>", "</1>"). Possessive throughout, so
# that it never backtracks: one pass however malformed the markup. No "rest": a tag left open
# at the end of the text.
_MARKUP = re.compile(
    r"<(?:"
    r"(?P<comment>!--)"
    r"|(?P<cdata>!\[CDATA\[)"
    r"|(?P<end>/)?(?P<name>[A-Za-z][^\t\n\f\r />]*+)"
    r"(?P<rest>(?:[\t\n\f\r /]++"
    r"|[^\t\n\f\r />][^\t\n\f\r /=>]*+"
    r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+"|'[^']*+'|[^\t\n\f\r >]*+))?+)*+>)?+"""
    r"|(?P<bogus>[!?]|/(?!>))"
    r")"
)
_COMMENT_END = re.compile(r"--!?>")
_RAW_TEXT_END = {
    name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in _RAW_TEXT
}


def nested_deeper_than(html, limit):
    """Whether `html`'s elements nest more than `limit` deep, stopping as soon as they do.

    A linear scan that follows the HTML tokenizer where it matters (comments, quoted
    attribute values, raw text) and otherwise errs on the side of counting more: an end tag
    closes only an element that is open, and markup it cannot read ends the scan there, as
    it ends the document for a browser.
    """
    stack = []
    pos = 0
    while True:
        found = _MARKUP.search(html, pos)
        if found is None:
            return False
        name = found["name"]
        if name is None:
            foreign = "svg" in stack or "math" in stack
            if found["comment"]:
                closing = _COMMENT_END.search(html, found.start() + 2)
                pos = closing.end() if closing else -1
            elif found["cdata"] and foreign:
                closing = html.find("]]>", found.end())
                pos = closing + 3 if closing >= 0 else -1
            else:  # a bogus comment, up to the next ">"
                closing = html.find(">", found.start())
                pos = closing + 1 if closing >= 0 else -1
            if pos < 0:
                return False  # open to the end: nothing after it is markup
            continue
        if found["rest"] is None:
            return False
        pos = found.end()
        name = name.lower()
        if found["end"]:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index] == name:
                    del stack[index:]
                    break
            continue
        if name in _VOID or name in _SELF_CLOSING_SIBLINGS:
            continue
        if name == "plaintext":
            return False
        if name in _RAW_TEXT and "svg" not in stack and "math" not in stack:
            closing = _RAW_TEXT_END[name].search(html, pos)
            if closing is None:
                return False
            pos = closing.start()
            continue
        stack.append(name)
        if len(stack) > limit:
            return True


def check_bounds(html):
    """Refuse a body longer or more deeply nested than the settings allow."""
    if len(html) > settings.NEWS_BODY_MAX_CHARS:
        raise MarkupTooComplex(
            _(
                "The text is %(length)s characters long, markup included; the most it may "
                "have is %(limit)s. Split it into several items or shorten it."
            ),
            code="too_long",
            params={"length": f"{len(html):,}", "limit": f"{settings.NEWS_BODY_MAX_CHARS:,}"},
        )
    if nested_deeper_than(html, settings.NEWS_BODY_MAX_DEPTH):
        raise MarkupTooComplex(
            _(
                "The text's formatting is nested more than %(limit)s levels deep (lists in "
                "lists, quotes in quotes, tables in tables). Simplify the markup."
            ),
            code="too_deep",
            params={"limit": settings.NEWS_BODY_MAX_DEPTH},
        )


# --- Cleaning with a time budget --------------------------------------------------------------

_executor = None
_executor_lock = threading.Lock()


def _cleaner():
    """The threads that clean (nh3 releases the GIL while it works). A cleaning past its
    budget cannot be stopped: it finishes in its thread, and at most four run at once per
    process, so that runaways cannot take every CPU."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="sanitize")
        return _executor


def _clean_in_time(html):
    future = _cleaner().submit(_clean, html)
    try:
        return future.result(timeout=settings.NEWS_SANITIZE_SECONDS)
    except TimeoutError:
        future.cancel()
        logger.warning(
            "Cleaning %s characters of rich text took more than %s s: refused.",
            len(html),
            settings.NEWS_SANITIZE_SECONDS,
        )
        raise MarkupTooComplex(
            _("The text could not be cleaned in time; simplify the markup."),
            code="too_slow",
        ) from None


@dataclass(frozen=True)
class _Refusal:
    message: str
    code: str
    params: dict | None


class _Results:
    """The latest results by a digest of their input, up to `max_chars` of output in all,
    the least recently used forgotten first. Refusals are kept too, so that a stored body
    that cannot be cleaned costs its page nothing after the first time."""

    def __init__(self, max_chars):
        self.max_chars = max_chars
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key, value):
        size = len(value) if isinstance(value, str) else 1
        if size > self.max_chars:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = value
            self.size += size
            while self.size > self.max_chars:
                _key, old = self.entries.popitem(last=False)
                self.size -= len(old) if isinstance(old, str) else 1

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_results = _Results(max_chars=20_000_000)


def _key(html):
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{RULES_VERSION}\0{settings.MEDIA_URL}\0".encode())
    digest.update(html.encode("utf-8", "surrogatepass"))
    return digest.digest()


def sanitize_html(html):
    """Return `html` reduced to the allowlist; images only from the site's own media.

    Raises MarkupTooComplex (a ValidationError) for a body too long, too deeply nested or
    too slow to clean: forms show it beside the field, and save() lets it through to the
    caller rather than store a body that was not cleaned.
    """
    if not html:
        return ""
    key = _key(html)
    found = _results.get(key)
    if found is None:
        try:
            check_bounds(html)
            found = _clean_in_time(html)
        except MarkupTooComplex as refusal:
            found = _Refusal(refusal.message, refusal.code, refusal.params)
        _results.put(key, found)
    if isinstance(found, _Refusal):
        raise MarkupTooComplex(found.message, code=found.code, params=found.params)
    return found


_TAG_OR_COMMENT = re.compile(r"<[^<>]*>")


def html_for_display(html):
    """`html` cleaned for a page, whatever wrote it. A body that cannot be cleaned is shown
    as its text alone, escaped."""
    try:
        return sanitize_html(html)
    except MarkupTooComplex:
        logger.warning("A stored body could not be cleaned; shown as text.")
        text = " ".join(_TAG_OR_COMMENT.sub(" ", html).split())
        return f"<p>{escape(text)}</p>"
