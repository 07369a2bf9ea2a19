from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries


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


class NewsSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return NewsItem.objects.published().only("slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class FieldOfWorkSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return FieldOfWork.objects.only("slug")


class CountrySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Country.objects.only("slug")


class MeetingSeriesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return MeetingSeries.objects.only("slug")


class StructureSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Structure.objects.only("slug")


sitemaps = {
    "indexes": IndexSitemap,
    "news": NewsSitemap,
    "fields-of-work": FieldOfWorkSitemap,
    "countries": CountrySitemap,
    "meetings": MeetingSeriesSitemap,
    "structures": StructureSitemap,
}
