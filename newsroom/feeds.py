"""RSS 2.0 and Atom feeds of the news list, for any filter of /news/ (the same parameters).

A feed is shared by everyone who follows it: one bad item must not take it down. Text goes
into the XML without the control characters XML cannot carry, and an item whose entry cannot
be made is left out (and logged) rather than failing the feed.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from news.models import NewsItem
from newsroom import freshness
from newsroom import index as news_index
from newsroom.counting import Selection
from newsroom.facets import url_with
from newsroom.filters import NewsFilter
from newsroom.public import public_address
from newsroom.results import Reading
from osce_cms.text import strip_control_characters

logger = logging.getLogger(__name__)

FEED_SIZE = 20


def _xml_text(value):
    if isinstance(value, list | tuple):
        return [_xml_text(part) for part in value]
    return strip_control_characters(value)


class XmlTextMixin:
    """For a feed generator: every text of the feed and of its items without the characters
    XML 1.0 cannot carry (Django refuses to write them, failing the whole feed)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{name: _xml_text(value) for name, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **{name: _xml_text(value) for name, value in kwargs.items()})


class RssFeedGenerator(XmlTextMixin, Rss201rev2Feed):
    pass


class AtomFeedGenerator(XmlTextMixin, Atom1Feed):
    pass


@dataclass
class Entry:
    """What a feed says about one news item, made before the feed is written."""

    title: str
    description: str  # HTML: readers show RSS <description> and Atom <summary> as HTML
    link: str
    pubdate: datetime.datetime
    author_name: str | None
    categories: list[str]


@dataclass
class FilteredNews:
    filterset: NewsFilter
    query: str  # "?field=…&year=…", without page and sort
    state: freshness.State  # the publication state the feed is made in

    @property
    def described(self):
        return "; ".join(self.filterset.summary())


class NewsRssFeed(Feed):
    feed_type = RssFeedGenerator
    list_url_name = "news:list"
    feed_url_name = "news:rss"

    def __call__(self, request, *args, **kwargs):
        """The feed, kept in the cache and answered with 304 while nothing public changes
        (newsroom/freshness.py)."""
        state = freshness.current()
        return freshness.respond(request, state, lambda: self.response(request, state))

    def response(self, request, state):
        filterset = Reading(state).filterset(request.GET)
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
        """An entry for each item of news(); an item that has no address (public_address()) or
        whose entry cannot be made is left out, with a warning in the log."""
        entries = []
        for item in self.news(view):
            link = public_address(item)
            if link is None:
                logger.warning(
                    "News item %s left out of a feed: no address reaches its page (slug %r).",
                    item.pk,
                    item.slug,
                )
                continue
            try:
                entries.append(self.entry(item, link))
            except Exception:
                logger.warning(
                    "News item %s left out of a feed: its entry could not be made.",
                    item.pk,
                    exc_info=True,
                )
        return entries

    def news(self, view):
        """The most recently published items, so that followers never miss a new one: chosen
        in the index of the public news (newsroom/index.py), read by id."""
        selection = Selection(view.filterset, news_index.current())
        ids = selection.index.most_recent(selection.results, FEED_SIZE)
        return list(
            NewsItem.objects.filter(pk__in=ids)
            .order_by("-published_at", "-id")
            .select_related("lead_structure")
            .prefetch_related("fields_of_work")
            .defer("body", "search_vector")
        )

    def entry(self, item, link):
        return Entry(
            title=item.title,
            # The lede is plain text: escaped, so that readers show it and run none of it.
            description=escape(item.lede),
            link=link,
            pubdate=item.published_at,
            author_name=(
                item.lead_structure.name_on(item.date_issued) if item.lead_structure_id else None
            ),
            categories=[str(field) for field in item.fields_of_work.all()],
        )

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.description

    def item_link(self, entry):
        return entry.link

    def item_pubdate(self, entry):
        return entry.pubdate

    def item_author_name(self, entry):
        return entry.author_name

    def item_categories(self, entry):
        return entry.categories


class NewsAtomFeed(NewsRssFeed):
    feed_type = AtomFeedGenerator
    feed_url_name = "news:atom"

    def subtitle(self, view):
        return self.description(view)
