"""Stored text made safe where it is shown, whatever wrote it: {{ item.body|clean_html }},
{{ structure.website|safe_url }}."""

from urllib.parse import urlsplit

from django import template
from django.utils.safestring import mark_safe

from news.html import html_for_display

register = template.Library()

LINK_SCHEMES = {"http", "https", "mailto"}


@register.filter
def clean_html(value):
    """Rich text cleaned by the rules of news/html.py (kept per content: a look-up after the
    first time)."""
    return mark_safe(html_for_display(value or ""))  # cleaned by the allowlist above


@register.filter
def safe_url(value):
    """`value` if it is an http, https or mailto address, else "": nothing else becomes a
    link (javascript:, data:, addresses without a scheme)."""
    if not value:
        return ""
    url = str(value).strip()
    try:
        scheme = urlsplit(url).scheme  # as browsers read it: tabs and newlines ignored
    except ValueError:
        return ""
    return url if scheme.lower() in LINK_SCHEMES else ""
