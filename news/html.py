"""Server-side sanitising of rich text: whatever the admin posted, only this allowlist is kept."""

from urllib.parse import urlsplit

import nh3
from django.conf import settings

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


def _is_own_media(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and parts.path.startswith(settings.MEDIA_URL)


def _filter_attribute(tag, attribute, value):
    if tag == "img" and attribute == "src" and not _is_own_media(value):
        return None
    return value


def sanitize_html(html):
    """Return `html` reduced to the allowlist; images only from the site's own media."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
