"""An item's translations as visitors reach them: the language switcher, the `hreflang`
alternates and JSON-LD's workTranslation. Only published translations: a draft, scheduled or
withdrawn one is never linked (the admin's side of translations is news/translations.py).
"""

from dataclasses import dataclass

from django.urls import translate_url
from django.utils.translation import gettext as _

from news import languages
from news.models import NewsItem
from newsroom import facets


def published_members(item):
    """The published items of `item`'s translation group, `item` among them if it is
    published, the original (the first) first: one query."""
    return list(
        NewsItem.objects.published()
        .filter(translation_group=item.group)
        .only("pk", "slug", "language", "translation_group", "title")
        .order_by("pk")
    )


def translation_in(item, language):
    """The published member of `item`'s group in `language`, or None."""
    return (
        NewsItem.objects.published()
        .filter(translation_group=item.group, language=language)
        .only("pk", "slug", "language")
        .order_by("pk")
        .first()
    )


@dataclass(frozen=True)
class Alternate:
    """One language a page is offered in: `url` None when the page has no version in it."""

    code: str
    name: str  # in its own language
    url: str | None
    current: bool = False


def item_alternates(item, members):
    """The switcher's languages for `item`'s page: each interface language, with its
    published member's address or none; then the members in other languages."""
    by_language = {}
    for member in members:
        by_language.setdefault(member.language, member)
    shown = []
    for code in [*languages.site_codes(), *sorted(set(by_language) - set(languages.site_codes()))]:
        member = item if code == item.language else by_language.get(code)
        shown.append(
            Alternate(
                code,
                languages.local_name(code),
                member.get_absolute_url() if member is not None else None,
                current=code == item.language,
            )
        )
    return shown


# The pages that read the news list's parameters: their alternates keep them (canonically).
WITH_LIST_PARAMETERS = {"news:list", "alerts:signup"}


def page_address(request):
    """The page's address as its alternates give it: its path, and the news list's
    parameters where it reads them, as the site writes them (nothing else of the query)."""
    path = request.path
    if request.resolver_match.view_name in WITH_LIST_PARAMETERS:
        path += facets.query(request.GET)
    return path


def page_alternates(request):
    """The switcher's languages for any other page: the same page (with the list's
    parameters where it reads them) in each interface language."""
    current = languages.current()
    path = page_address(request)
    return [
        Alternate(code, languages.local_name(code), translate_url(path, code), code == current)
        for code in languages.site_codes()
    ]


def hreflang_links(request, alternates, default_url):
    """[(hreflang, absolute address)] of a page's versions, and x-default."""
    links = [
        (alternate.code, request.build_absolute_uri(alternate.url))
        for alternate in alternates
        if alternate.url
    ]
    if default_url:
        links.append(("x-default", request.build_absolute_uri(default_url)))
    return links


def unavailable_text():
    return _("not available in this language")
