"""The languages of the news: the ones an item may be written in (settings.NEWS_LANGUAGES),
the ones the site's interface and addresses are in (settings.LANGUAGES), and what each needs:
its addresses' prefix, its search configuration, its readable slugs.

An item in a language with an interface lives under that language's prefix (/ru/news/…); an
item in another language (Albanian, Ukrainian…) under the default language's (/en/news/…),
its text marked with its own `lang`.
"""

import functools
import re

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_info

# PostgreSQL's text-search configuration of each language that has one; the others are
# searched word for word ('simple').
SEARCH_CONFIGS = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "de": "german",
    "it": "italian",
    "es": "spanish",
}
SIMPLE = "simple"
# Configurations that stem Cyrillic words (and Latin ones as English does).
_CYRILLIC_AWARE = {"russian"}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def site_codes():
    """The languages of the interface and of the addresses, the default first."""
    return [code for code, _name in settings.LANGUAGES]


def news_codes():
    return [code for code, _name in settings.NEWS_LANGUAGES]


def default():
    return settings.LANGUAGE_CODE


def current():
    """The language of the page being made: one of site_codes()."""
    language = get_language() or default()
    return language if language in site_codes() else default()


def prefix_of(language):
    """The language of the addresses of an item written in `language`."""
    return language if language in site_codes() else default()


@functools.cache
def languages_under(prefix):
    """The languages of the items whose addresses are under `prefix`'s."""
    if prefix != default():
        return frozenset({prefix})
    return frozenset({prefix, *(set(news_codes()) - set(site_codes()))})


def unprefixed(path):
    """`path` without its interface language's prefix (/ru/news/ → /news/: the address that
    sends each visitor to their own language, x-default), or None when it has none."""
    code, _slash, rest = path.removeprefix("/").partition("/")
    return "/" + rest if code in site_codes() and _slash else None


def preferring(items, language):
    """`items` (of several languages) with those in `language` first, each by id."""
    return sorted(items, key=lambda item: (item.language != language, item.pk))


def search_config(language):
    return SEARCH_CONFIGS.get(language, SIMPLE)


def query_config(text, language=None):
    """The configuration a search `text` is read with on a page in `language` (default: the
    current one): the language's own, or the Russian one for words in Cyrillic on a page
    whose configuration does not stem them (it reads Latin words as the English one does)."""
    config = search_config(language or current())
    if config not in _CYRILLIC_AWARE and _CYRILLIC.search(text or ""):
        return "russian"
    return config


@functools.cache
def _names():
    return dict(settings.NEWS_LANGUAGES)


def name(code):
    """The name of language `code` in the current language ("Russian", "русский")."""
    label = _names().get(code)
    return str(label) if label is not None else code


def local_name(code):
    """The name of language `code` in that language, as a language switcher offers it."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return name(code)


def readable_slug(text, max_length=255):
    """A slug of `text` in Latin letters, whatever its script (transliterated: "ОБСЕ
    приветствует" → "obse-privetstvuet")."""
    return slugify(anyascii(text or ""))[:max_length].strip("-")
