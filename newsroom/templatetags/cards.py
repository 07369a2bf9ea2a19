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
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from news import languages
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
    """A day as a card shows it, in `language`: its DATE_FORMAT ("5 December 2026", "5 декабря
    2026 г.", "5. Dezember 2026")."""
    return format_date(day, "DATE_FORMAT")


def render(item, snippet, level, item_url, language):
    """The card of `item`; `snippet` is plain text (escaped) or a SafeString from search.

    An item in another language than the page's is flagged ("In English"), and its text
    marked with its `lang`."""
    kind = _kind_labels(language).get(item.kind) or item.get_kind_display()
    meta = [format_html('<span class="badge">{}</span>', kind)]
    lang = ""
    if item.language != language:
        lang = format_html(' lang="{}"', item.language)
        meta.insert(
            0, format_html('<span class="card-language">{}</span>', in_language(item.language))
        )
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
        text = format_html('\n    <p class="card-text"{}>{}</p>', lang, snippet)
    elif item.lede:
        text = format_html(
            '\n    <p class="card-text"{}>{}</p>',
            lang,
            Truncator(item.lede).words(LEDE_WORDS, truncate=" …"),
        )
    else:
        text = ""
    image = ""
    if item.image:
        image = format_html(
            '\n  <div class="card-image"{}>{}</div>',
            lang,
            picture(item, "card", sizes=IMAGE_SIZES),
        )
    return format_html(
        '<article class="card{}">\n  <div class="card-body">\n'
        '    <h{} class="card-title"{}><a href="{}">{}</a></h{}>\n'
        '    <p class="card-meta">\n      {}\n    </p>{}\n  </div>{}\n</article>',
        " card-with-image" if item.image else "",
        level,
        lang,
        item_url(item.language).replace(SLUG, item.slug),
        item.title,
        level,
        mark_safe("\n      ".join(meta)),  # noqa: S308 (each part escaped above)
        text,
        image,
    )


def _item_urls():
    """language → the address of an item in it, with SLUG for its slug: each worked out once
    for a list (an item's address is under its language's prefix, news/languages.py)."""
    found = {}

    def url(item_language):
        prefix = languages.prefix_of(item_language)
        if prefix not in found:
            with override(prefix):
                found[prefix] = reverse("news:detail", args=[SLUG])
        return found[prefix]

    return url


def in_language(code):
    """The flag of an item in another language than the page's: "In English"."""
    flag = IN_LANGUAGE.get(code)
    return (
        str(flag) if flag is not None else _("In %(language)s") % {"language": languages.name(code)}
    )


# The flags, each a phrase of its own: some languages decline the name after "in".
IN_LANGUAGE = {
    "en": _("In English"),
    "fr": _("In French"),
    "de": _("In German"),
    "it": _("In Italian"),
    "ru": _("In Russian"),
    "es": _("In Spanish"),
    "sq": _("In Albanian"),
    "bs": _("In Bosnian"),
    "hr": _("In Croatian"),
    "kk": _("In Kazakh"),
    "ky": _("In Kyrgyz"),
    "mk": _("In Macedonian"),
    "cnr": _("In Montenegrin"),
    "ro": _("In Romanian"),
    "sr": _("In Serbian"),
    "tg": _("In Tajik"),
    "tk": _("In Turkmen"),
    "uk": _("In Ukrainian"),
    "uz": _("In Uzbek"),
}


@register.filter
def named_on(structure, day):
    """{{ structure|named_on:item.date_issued }}: the structure's name on that day."""
    return structure.name_on(day)


@register.simple_tag
def cards(entries, level=2):
    """The cards of `entries`, items or (item, snippet) pairs, each in an <li>. `level` is
    the heading level of the titles (2 on home, 3 under a heading). The address of an item is
    worked out once for them all."""
    item_url = _item_urls()
    level = int(level)
    language = get_language()
    shown = []
    for entry in entries:
        item, snippet = entry if isinstance(entry, tuple) else (entry, None)
        shown.append(f"<li>{render(item, snippet, level, item_url, language)}</li>")
    return mark_safe("\n".join(shown))  # noqa: S308 (each card escaped in render())
