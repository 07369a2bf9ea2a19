"""The sitemaps: /sitemap.xml is an index of child sitemaps of at most 50,000 addresses each.

The children are the home page and the indexes, the published news of each year they were
issued in (`news-<year>`: one section per year that has published news, paginated with
`?p=2`…), the pages of each kind of term, and the pages of single meetings. An item's
`lastmod` is its last public change: its publication time, or its last save when that came
later; a meeting's is its own last save, or the last public change of its news when later.

What the index shows of the news (the years, how many items each has, their latest change)
is one grouped query, kept under the publication state (newsroom/freshness.py) with the
pages themselves, which are served like the public pages: cached until something public
changes, with an ETag and 304s.

Every page is listed in each language it exists in, with its alternates (xhtml:link
hreflang, and x-default): the indexes and term pages in every interface language, an item
once, at its own address, with its group's published translations.

One row whose address cannot be made (a slug written by QuerySet.update(), which runs no
validation) is left out with a warning in the log: it must not take the sitemap down.
"""

import logging
import re
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear, Greatest
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from meetings.models import Meeting, MeetingNews
from news import languages
from news.models import RESERVED_SLUGS, NewsItem
from newsroom import freshness
from newsroom.public import public_address
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

logger = logging.getLogger(__name__)

# The most addresses one sitemap may list (sitemaps.org); settings.SITEMAP_LIMIT may lower it.
MOST_ADDRESSES = 50_000
YEAR_SECTION = "news-{}"
# What the <slug:…> of the news URLs accepts.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def limit():
    """The addresses per child sitemap: settings.SITEMAP_LIMIT, at most MOST_ADDRESSES."""
    return max(1, min(getattr(settings, "SITEMAP_LIMIT", MOST_ADDRESSES), MOST_ADDRESSES))


class Addressed:
    """The rows of `queryset` for a sitemap's paginator: all of them counted (one query,
    unless `count` is known), a page read with one query, and a row that has no public
    address left out of the page."""

    def __init__(self, queryset, count=None, address=public_address, alternates=None):
        self.queryset, self.known_count, self.address = queryset, count, address
        self.alternates = alternates

    def count(self):
        return self.queryset.count() if self.known_count is None else self.known_count

    def __getitem__(self, index):
        rows = []
        for row in self.queryset[index]:
            row.sitemap_location = self.address(row)
            if row.sitemap_location is None:
                logger.warning(
                    "%s %s left out of the sitemap: no address reaches its page (slug %r).",
                    type(row).__name__,
                    row.pk,
                    row.slug,
                )
            else:
                rows.append(row)
        if self.alternates is not None:
            self.alternates(rows, self.address)
        return rows


class EveryLanguage:
    """For a sitemap whose pages exist in every interface language: each row's page is
    listed in each, with the others as alternates; `address(row)` makes its address in the
    active language (None: the row has no page)."""

    @property
    def limit(self):
        return max(1, limit() // len(languages.site_codes()))

    def address(self, row):
        raise NotImplementedError

    def entries(self, row):
        """[(address, [(hreflang, address)])] of `row`'s page in each language."""
        found = {}
        for code in languages.site_codes():
            with override(code):
                found[code] = self.address(row)
        if None in found.values():
            logger.warning(
                "%s %s left out of the sitemap: no address reaches its page (slug %r).",
                type(row).__name__,
                getattr(row, "pk", row),
                getattr(row, "slug", None),
            )
            return []
        links = [*found.items(), ("x-default", languages.unprefixed(found[languages.default()]))]
        return [(address, links) for address in found.values()]


class PageSitemap(EveryLanguage, Sitemap):
    """The public pages of the rows of pages(), at the address public_address() makes, in
    every interface language."""

    def pages(self):
        raise NotImplementedError

    def items(self):
        return self.pages()

    def address(self, row):
        return public_address(row)


class IndexSitemap(EveryLanguage, Sitemap):
    """The home page, the index of each taxonomy and the field operations' page."""

    changefreq = "daily"
    priority = 0.7

    def items(self):
        return [
            "home",
            "taxonomy:field-list",
            "taxonomy:meeting-list",
            "taxonomy:country-list",
            "structures:list",
            "field-operations",
        ]

    def address(self, item):
        return reverse(item)


class YearSitemap(Sitemap):
    """The published news issued in `year`: `count` items, the latest changed at `latest`;
    each at its own address, with its translations as alternates."""

    changefreq = "monthly"
    priority = 0.8

    def __init__(self, year, count, latest):
        super().__init__()
        self.year, self.count, self.latest = year, count, latest

    @property
    def limit(self):
        return limit()

    def pages(self):
        # In the order of the public list's index (news_public_recent_idx): status, date
        # issued and id, with the publication time that published() compares in it.
        return (
            NewsItem.objects.published()
            .filter(date_issued__year=self.year)
            .only("slug", "published_at", "updated_at", "language", "translation_group")
            .order_by("-date_issued", "-id")
        )

    def items(self):
        return Addressed(self.pages(), self.count, news_addresses(), self.add_alternates)

    def entries(self, item):
        return [(item.sitemap_location, item.sitemap_alternates)]

    @staticmethod
    def add_alternates(rows, address):
        """Give each item of `rows` its alternates: its group's published members' addresses
        (itself among them) and x-default, the original's; one query for them all."""
        groups = {row.group for row in rows}
        members = {}
        found = (
            NewsItem.objects.published()
            .filter(translation_group__in=groups)
            .only("slug", "language", "translation_group")
            .order_by("pk")
        )
        for member in found:
            location = address(member)
            if location is not None:
                members.setdefault(member.group, []).append((member.language, location))
        for row in rows:
            group = members.get(row.group, [])
            row.sitemap_alternates = [*group, ("x-default", group[0][1])] if len(group) > 1 else []

    def lastmod(self, item):
        return max(item.published_at, item.updated_at)

    def get_latest_lastmod(self):
        return self.latest


class TermSitemap(PageSitemap):
    """The pages of every term of `model` (terms have no unpublished state)."""

    def __init__(self, model, changefreq, priority):
        super().__init__()
        self.model, self.changefreq, self.priority = model, changefreq, priority

    def pages(self):
        return self.model.objects.only("slug").order_by("pk")


class MeetingSitemap(PageSitemap):
    """The page of every single meeting (under its series), with the news attached to it."""

    changefreq = "weekly"
    priority = 0.5

    def pages(self):
        news_changed = (
            MeetingNews.objects.filter(
                meeting=OuterRef("pk"), news__in=NewsItem.objects.published().values("pk")
            )
            .order_by()
            .values("meeting")
            .annotate(latest=Max(Greatest("news__published_at", "news__updated_at")))
            .values("latest")
        )
        return (
            Meeting.objects.select_related("series")
            .only("slug", "updated_at", "series__slug")
            .annotate(news_changed=Coalesce(Subquery(news_changed), "updated_at"))
            .order_by("pk")
        )

    def lastmod(self, meeting):
        return max(meeting.updated_at, meeting.news_changed)

    def get_latest_lastmod(self):
        """The latest change of any meeting or of the public news attached to one."""
        own = Meeting.objects.aggregate(latest=Max("updated_at"))["latest"]
        news = MeetingNews.objects.filter(
            news__in=NewsItem.objects.published().values("pk")
        ).aggregate(latest=Max(Greatest("news__published_at", "news__updated_at")))["latest"]
        return max((moment for moment in (own, news) if moment is not None), default=None)


TERMS = {
    "fields-of-work": TermSitemap(FieldOfWork, "daily", 0.6),
    "countries": TermSitemap(Country, "daily", 0.5),
    "meetings": TermSitemap(MeetingSeries, "weekly", 0.5),
    "meeting-pages": MeetingSitemap(),
    "structures": TermSitemap(Structure, "weekly", 0.5),
}


def news_addresses():
    """public_address() for items, without a reverse() per item (which took half of the time
    of a sitemap of 50,000): the news URL of the item's language with the slug put in, for a
    slug that URL accepts."""
    prefixes = {}
    for code in languages.site_codes():
        with override(code):
            prefixes[code] = reverse("news:detail", args=["x"]).removesuffix("x/")

    def address(item):
        if item.slug in RESERVED_SLUGS or not SLUG.fullmatch(item.slug):
            return None
        return f"{prefixes[languages.prefix_of(item.language)]}{item.slug}/"

    return address


def news_years(state):
    """[(year, items, latest change)] of the published news, oldest year first: one query,
    kept for the publication `state`."""
    key = state.key("sitemap-years")
    years = cache.get(key)
    if years is None:
        rows = (
            NewsItem.objects.published()
            .order_by()
            .values(year=ExtractYear("date_issued"))
            .annotate(items=Count("id"), latest=Max(Greatest("published_at", "updated_at")))
            .order_by("year")
        )
        years = [(row["year"], row["items"], row["latest"]) for row in rows]
        cache.set(key, years, state.timeout())
    return years


def sections(state):
    """{section: sitemap} in the publication `state`: the indexes, the news year by year
    (newest first) and the terms."""
    years = {
        YEAR_SECTION.format(year): YearSitemap(year, items, latest)
        for year, items, latest in reversed(news_years(state))
    }
    return {"indexes": IndexSitemap(), **years, **TERMS}


def _rendered(response):
    response.render()
    return response


def urlset(request, site, page):
    """The child sitemap `site`'s page `page`, as sitemaps.views.sitemap() writes it, but
    written without a template: 50,000 addresses through the template language took
    seconds. An unknown page is 404."""
    try:
        rows = site.paginator.page(page).object_list
    except (EmptyPage, PageNotAnInteger):
        raise Http404("This sitemap has no such page.") from None
    root = f"{request.scheme}://{request.get_host()}"
    changefreq, priority = site.changefreq, site.priority
    tail = "".join(
        [
            f"<changefreq>{changefreq}</changefreq>" if changefreq else "",
            f"<priority>{priority}</priority>" if priority is not None else "",
            "</url>",
        ]
    )
    lastmod = getattr(site, "lastmod", None)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
    ]
    for row in rows:
        day = timezone.localdate(lastmod(row)).isoformat() if lastmod is not None else None
        for location, alternates in site.entries(row):
            parts.append(f"<url><loc>{escape(root + location)}</loc>")
            parts.extend(
                f'<xhtml:link rel="alternate" hreflang="{code}" '
                f'href="{escape(root + address, {chr(34): "&quot;"})}"/>'
                for code, address in alternates
            )
            if day is not None:
                parts.append(f"<lastmod>{day}</lastmod>")
            parts.append(tail)
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def index(request):
    """/sitemap.xml: the index of the child sitemaps, one entry per page of each."""
    state = freshness.current()
    return freshness.respond(
        request,
        state,
        lambda: _rendered(
            sitemap_views.index(request, sections(state), sitemap_url_name="sitemap-section")
        ),
        parameters=(),
    )


def section(request, section):
    """A child sitemap, /sitemap-<section>.xml?p=<page>: an unknown section or page is 404."""
    state = freshness.current()

    def build():
        found = sections(state)
        if section not in found:
            raise Http404("No sitemap has this name.")
        return urlset(request, found[section], request.GET.get("p", 1))

    return freshness.respond(request, state, build, parameters=("p",))
