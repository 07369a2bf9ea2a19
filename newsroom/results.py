"""Reading the news list in one publication state: the filters' terms, the counts, the order
and a page of results, each kept in the cache under the state until something public changes
(newsroom/freshness.py)."""

from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache

from news import search
from news.models import NewsItem
from newsroom import counting
from newsroom.filters import NewsFilter, Sort, Trees


@dataclass
class Reading:
    """What the public news pages read in one publication `state`, cached under it; with no
    state, nothing is cached."""

    state: object = None

    @property
    def caches(self):
        return self.state is not None

    def key(self, *parts):
        return self.state.key(*parts)

    def timeout(self):
        return self.state.timeout()

    @cached_property
    def trees(self):
        return Trees.load(self.state)

    def filterset(self, params):
        """The filters of `params` over the published items."""
        return NewsFilter(params, queryset=NewsItem.objects.published(), trees=self.trees)


def ordered(queryset, sort, text=""):
    """`queryset` in the order `sort` (Sort), by relevance to the search `text`."""
    if sort == Sort.RELEVANCE:
        return search.by_relevance(queryset, text)
    if sort == Sort.OLDEST:
        return queryset.order_by("date_issued", "id")
    return queryset.order_by("-date_issued", "-id")


class Results:
    """The items of a valid NewsFilter in a Reading, for the Paginator: counted with the
    facets (their number is the facets' "total"), and read a page at a time, in one query."""

    def __init__(self, filterset, reading):
        self.filterset, self.reading = filterset, reading

    def counts(self, branches=counting.BRANCHES):
        """The facets' counts (newsroom/counting.py)."""
        return counting.count(self.filterset, self.reading, branches)

    @cached_property
    def counted(self):
        """Every count, the number of results ("total") with them."""
        return self.counts()

    @property
    def total(self):
        return self.counted["total"]

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.page(index.start, index.stop)

    def page(self, start, stop):
        """Results `start` to `stop` in the chosen order, from one query: the page is chosen
        by id (kept in the cache), and only its items are read, with their search snippets."""
        filterset, reading = self.filterset, self.reading
        text, sort = filterset.search_text, filterset.sort
        key = None
        if reading.caches:
            key = reading.key("page", filterset.signature(), sort, start, stop)
        ids = cache.get(key) if key else None
        manager = NewsItem._default_manager
        if ids is None:
            chosen = ordered(filterset.qs, sort, text).values("pk")[start:stop]
            items = ordered(manager.filter(pk__in=chosen), sort, text)
        else:
            items = manager.filter(pk__in=ids)
        items = items.select_related("lead_structure").defer("body", "search_vector")
        if text:
            items = search.with_snippets(items, text)
        items = list(items)
        if ids is None:
            if key:
                cache.set(key, [item.pk for item in items], reading.timeout())
        else:
            position = {pk: index for index, pk in enumerate(ids)}
            items.sort(key=lambda item: position[item.pk])
        return items
