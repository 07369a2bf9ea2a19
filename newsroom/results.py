"""Reading the news list in one publication state: the filters' terms (kept in the cache under
the state until something public changes, newsroom/freshness.py), and the results, their
counts and their pages from the index of the public news (newsroom/index.py, counting.py)."""

from dataclasses import dataclass
from functools import cached_property

from news import search
from news.models import NewsItem
from newsroom import counting
from newsroom import index as news_index
from newsroom.cards import read_cards
from newsroom.filters import NewsFilter, Sort, Trees


@dataclass
class Reading:
    """What the public news pages read in one publication `state`; with no state, the terms
    are read anew."""

    state: object = None

    @cached_property
    def trees(self):
        return Trees.load(self.state)

    def filterset(self, params, every_language=False):
        """The filters of `params` over the published items; with no language chosen, the
        page's language's (newsroom/counting.py), or with `every_language` all of them."""
        filterset = NewsFilter(params, queryset=NewsItem.objects.published(), trees=self.trees)
        filterset.every_language = every_language
        return filterset


def ordered(queryset, sort, text=""):
    """`queryset` in the order `sort` (Sort), by relevance to the search `text`."""
    if sort == Sort.RELEVANCE:
        return search.by_relevance(queryset, text)
    if sort == Sort.OLDEST:
        return queryset.order_by("date_issued", "id")
    return queryset.order_by("-date_issued", "-id")


class Results:
    """The items of a valid NewsFilter, for the Paginator: selected and counted in the index
    (the number of results is the counts' "total"), and read a page at a time, in one query."""

    def __init__(self, filterset, reading=None):
        self.filterset, self.reading = filterset, reading or Reading()

    @cached_property
    def selection(self):
        return counting.Selection(self.filterset, news_index.current())

    def counts(self, branches=counting.BRANCHES):
        """The facets' counts (newsroom/counting.py)."""
        if not self.filterset.is_valid():  # only the span of years can be told
            branches = [branch for branch in branches if branch == "span"]
            return {"span": news_index.current().year_span()} if branches else {}
        return self.selection.counts(branches)

    @cached_property
    def counted(self):
        """Every count, the number of results ("total") with them."""
        return self.counts()

    @property
    def total(self):
        return len(self.selection.results)

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.page(index.start, index.stop)

    def ids(self, start, stop):
        """The ids of results `start` to `stop` in the chosen order."""
        filterset = self.filterset
        if filterset.sort == Sort.RELEVANCE:
            ids = self.selection.page_by_relevance(start, stop)
            if ids is not None:
                return ids
            chosen = ordered(filterset.qs, Sort.RELEVANCE, filterset.search_text)
            return list(chosen.values_list("pk", flat=True)[start:stop])
        return self.selection.page(start, stop, newest=filterset.sort != Sort.OLDEST)

    def page(self, start, stop):
        """Results `start` to `stop` in the chosen order, from one query, with their search
        snippets."""
        ids = self.ids(start, stop)
        if not ids:
            return []
        text = self.filterset.search_text
        if text and search.is_postgresql():
            return read_cards(ids, search_text=text)
        return read_cards(ids)  # SQLite's snippets are made from the lede
