"""RSS 2.0 and Atom feeds of the news list, for any filter of /news/ (the same parameters)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from news import freshness
from news.facets import url_with
from news.filters import NewsFilter, Trees
from news.models import NewsItem

FEED_SIZE = 20


@dataclass
class FilteredNews:
    filterset: NewsFilter
    query: str  # "?field=…&year=…", without page and sort
    state: freshness.State  # the publication state the feed is made in

    @property
    def described(self):
        return "; ".join(self.filterset.summary())


class NewsRssFeed(Feed):
    list_url_name = "news:list"
    feed_url_name = "news:rss"

    def __call__(self, request, *args, **kwargs):
        """The feed, kept in the cache and answered with 304 while nothing public changes
        (news/freshness.py)."""
        state = freshness.current()
        return freshness.respond(request, state, lambda: self.response(request, state))

    def response(self, request, state):
        trees = Trees.load(state)
        filterset = NewsFilter(request.GET, queryset=NewsItem.objects.published(), trees=trees)
        if not filterset.is_valid():
            lines = [_("This feed's address has filters that are not valid:")]
            for name, errors in filterset.form.errors.items():
                lines.extend(f"{name}: {Truncator(error).chars(200)}" for error in errors)
            return HttpResponseBadRequest(
                "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
            )
        view = FilteredNews(filterset, url_with(request.GET, sort=None), state)
        return super().__call__(request, view=view)

    def get_object(self, request, view):
        return view

    def title(self, view):
        if view.described:
            return _("%(site)s: News — %(filters)s") % {
                "site": settings.SITE_NAME,
                "filters": view.described,
            }
        return _("%(site)s: News") % {"site": settings.SITE_NAME}

    def description(self, view):
        if view.described:
            return _("The latest news published by %(site)s about: %(filters)s.") % {
                "site": settings.SITE_NAME,
                "filters": view.described,
            }
        return _("The latest news published by %(site)s.") % {"site": settings.SITE_NAME}

    def link(self, view):
        return reverse(self.list_url_name) + view.query

    def feed_url(self, view):
        return reverse(self.feed_url_name) + view.query

    def items(self, view):
        """The most recently published items, so that followers never miss a new one.

        Which items they are is kept in the cache until something public changes; the items
        themselves are read by id.
        """
        key = view.state.key("feed", view.filterset.signature())
        ids = cache.get(key)
        if ids is None:
            chosen = view.filterset.qs.order_by("-published_at", "-id").values("pk")[:FEED_SIZE]
        items = list(
            NewsItem.objects.filter(pk__in=chosen if ids is None else ids)
            .order_by("-published_at", "-id")
            .select_related("lead_structure")
            .prefetch_related("fields_of_work")
            .defer("body", "search_vector")
        )
        if ids is None:
            cache.set(key, [item.pk for item in items], view.state.timeout())
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lede

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return str(item.lead_structure) if item.lead_structure_id else None

    def item_categories(self, item):
        return [field.name for field in item.fields_of_work.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    feed_url_name = "news:atom"

    def subtitle(self, view):
        return self.description(view)
