"""sitemap.xml: the home page and the indexes, every published item and every term's page.

One row whose address cannot be made (a slug written by QuerySet.update(), which runs no
validation) is left out with a warning in the log: it must not take the sitemap down.
"""

import logging

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import NewsItem
from newsroom.public import public_address
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

logger = logging.getLogger(__name__)


class Addressed:
    """The rows of `queryset` for a sitemap's paginator: all of them counted (one query), a
    page read with one query, and a row that has no public address left out of the page."""

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __getitem__(self, index):
        rows = []
        for row in self.queryset[index]:
            row.sitemap_location = public_address(row)
            if row.sitemap_location is None:
                logger.warning(
                    "%s %s left out of the sitemap: no address reaches its page (slug %r).",
                    type(row).__name__,
                    row.pk,
                    row.slug,
                )
            else:
                rows.append(row)
        return rows


class PageSitemap(Sitemap):
    """The public pages of the rows of pages(), at the address public_address() makes."""

    def pages(self):
        raise NotImplementedError

    def items(self):
        return Addressed(self.pages())

    def location(self, row):
        return row.sitemap_location


class IndexSitemap(Sitemap):
    """The home page and the index of each taxonomy."""

    changefreq = "daily"
    priority = 0.7

    def items(self):
        return [
            "home",
            "taxonomy:field-list",
            "taxonomy:meeting-list",
            "taxonomy:country-list",
            "structures:list",
        ]

    def location(self, item):
        return reverse(item)


class NewsSitemap(PageSitemap):
    changefreq = "monthly"
    priority = 0.8

    def pages(self):
        return NewsItem.objects.published().only("slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class TermSitemap(PageSitemap):
    """The pages of every term of `model` (terms have no unpublished state)."""

    def __init__(self, model, changefreq, priority):
        super().__init__()
        self.model, self.changefreq, self.priority = model, changefreq, priority

    def pages(self):
        return self.model.objects.only("slug")


sitemaps = {
    "indexes": IndexSitemap,
    "news": NewsSitemap,
    "fields-of-work": TermSitemap(FieldOfWork, "daily", 0.6),
    "countries": TermSitemap(Country, "daily", 0.5),
    "meetings": TermSitemap(MeetingSeries, "weekly", 0.5),
    "structures": TermSitemap(Structure, "weekly", 0.5),
}
