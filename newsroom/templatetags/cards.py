"""{% cards entries level=… %}: news items in a list (home, the news list, a term's latest
news, related news), each an <li> with its card: the title linked, kind, date, lead issuer,
and a snippet or its lede.

Written in Python rather than as an included template: a list shows twenty cards, and as a
template each cost a quarter of a millisecond, a fifth of a list page at a million items,
where every page is full (issue 10, growth from 10,000 to 1,000,000 items). The lead image is
formatted by news_images.picture(), as on an item's page.
"""

import functools

from django import template
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from news.models import NewsItem
from news.templatetags.news_images import picture

register = template.Library()

LEDE_WORDS = 45  # a lede longer than this is cut, as truncatewords cuts: "… …"
IMAGE_SIZES = "(min-width: 48rem) 12rem, 7rem"
SLUG = "--slug--"  # stands for an item's slug in its address (slugs are ASCII, never this)


@functools.cache
def _kind_labels(language):
    """{kind: label} in `language` (get_kind_display() translates anew on every call)."""
    return {value: str(label) for value, label in NewsItem.Kind.choices}


@functools.lru_cache(maxsize=4096)
def _date_text(language, day):
    """A day as a card shows it ("5 December 2026"), in `language`: months are translated."""
    return format_date(day, "j F Y")


def render(item, snippet, level, item_url, language):
    """The card of `item`; `snippet` is plain text (escaped) or a SafeString from search."""
    kind = _kind_labels(language).get(item.kind) or item.get_kind_display()
    meta = [format_html('<span class="badge">{}</span>', kind)]
    if item.date_issued:
        meta.append(
            format_html(
                '<time datetime="{}">{}</time>',
                item.date_issued.isoformat(),
                _date_text(language, item.date_issued),
            )
        )
    lead = item.lead_structure
    if lead is not None:
        issuer = lead.name_on(item.date_issued)  # the name it had on the day of issue
        meta.append(format_html('<span class="card-issuer">{}</span>', issuer))
    if snippet:
        text = format_html('\n    <p class="card-text">{}</p>', snippet)
    elif item.lede:
        text = format_html(
            '\n    <p class="card-text">{}</p>',
            Truncator(item.lede).words(LEDE_WORDS, truncate=" …"),
        )
    else:
        text = ""
    image = ""
    if item.image:
        image = format_html(
            '\n  <div class="card-image">{}</div>', picture(item, "card", sizes=IMAGE_SIZES)
        )
    return format_html(
        '<article class="card{}">\n  <div class="card-body">\n'
        '    <h{} class="card-title"><a href="{}">{}</a></h{}>\n'
        '    <p class="card-meta">\n      {}\n    </p>{}\n  </div>{}\n</article>',
        " card-with-image" if item.image else "",
        level,
        item_url.replace(SLUG, item.slug),
        item.title,
        level,
        mark_safe("\n      ".join(meta)),  # noqa: S308 (each part escaped above)
        text,
        image,
    )


@register.filter
def named_on(structure, day):
    """{{ structure|named_on:item.date_issued }}: the structure's name on that day."""
    return structure.name_on(day)


@register.simple_tag
def cards(entries, level=2):
    """The cards of `entries`, items or (item, snippet) pairs, each in an <li>. `level` is
    the heading level of the titles (2 on home, 3 under a heading). The address of an item is
    worked out once for them all."""
    item_url = reverse("news:detail", args=[SLUG])
    level = int(level)
    language = get_language()
    shown = []
    for entry in entries:
        item, snippet = entry if isinstance(entry, tuple) else (entry, None)
        shown.append(f"<li>{render(item, snippet, level, item_url, language)}</li>")
    return mark_safe("\n".join(shown))  # noqa: S308 (each card escaped in render())
