"""The results of /news/ and the counts of its facets, from the index of the public news
(newsroom/index.py): set operations over bitmaps of the published items, exact after every
change, with nothing cached.

A Selection holds, for one valid NewsFilter, the items the search and the dates keep (the
base) and, per facet with choices, the items its choices keep. The results are their
intersection; a facet's counts are counted over the intersection of all but its own (a
facet's choices never narrow its own counts: disjunctive faceting). Each parameter is counted
by its rule (RULES, named in the table of facets, newsroom/facets.py).
"""

import heapq

from pyroaring import BitMap

from news import languages, search
from news.models import NewsItem, Tag
from newsroom import words as index_words
from newsroom.facets import FACET_OF, FACETS, OTHERS, PARAMS, TAG_LIMIT, default_others

# Besides every parameter: the number of results, and the first and last year of all news.
BRANCHES = (*PARAMS, "total", "span")


class Search:
    """A search `text` (websearch syntax) in the `index`: the items matching it, and the
    words that order them by relevance (newsroom/words.py). Without the index's words
    (SQLite), the database matches and orders."""

    def __init__(self, index, text):
        self.index, self.text = index, text
        self.tree = self.lexemes = None
        if index.words is not None:
            tsquery = index_words.tsquery_text(text)
            self.tree = index_words.parse(tsquery)
            if self.tree is None:  # a phrase: matched by the database, ordered here
                self.lexemes = index_words.lexemes_of(tsquery)
            else:
                self.lexemes = index_words.ranked_words(self.tree)

    @property
    def ranks(self):
        """Whether the index orders the results by relevance."""
        return self.lexemes is not None

    def matches(self):
        """The positions of the published items matching the search."""
        if self.tree == ():  # only stop words: nothing matches
            return BitMap()
        if self.tree is not None:
            return index_words.evaluate(self.tree, self.index.words, self.index.live)
        ids = search.matching(NewsItem.objects.all(), self.text).values_list("pk", flat=True)
        return self.index.bitmap_of(ids)

    def page(self, results, start, stop):
        """The ids of `results` from `start` to `stop` by relevance."""
        buckets = index_words.scored(results, self.lexemes, self.index.words)
        return index_words.page(self.index, buckets, start, stop)


class Selection:
    """What a valid NewsFilter selects in the `index`."""

    def __init__(self, filterset, index):
        self.filterset, self.index = filterset, index
        data = filterset.form.cleaned_data
        chosen = filterset.chosen()
        base = index.live
        if "from" in chosen or "to" in chosen:
            base = base & index.positions_between(data.get("from"), data.get("to"))
        self.search = None
        if "q" in chosen:
            self.search = Search(index, filterset.search_text)
            base = base & self.search.matches()
        self.base = base
        chosen_facets = {FACET_OF[name].name for name in chosen if name in FACET_OF}
        self.narrowing = {
            facet.name: BitMap.union(
                BitMap(),
                *(
                    index.union(source, values)
                    for source, values in filterset.chosen_values(facet).items()
                ),
            )
            for facet in FACETS
            if facet.name in chosen_facets
        }
        if "language" not in chosen_facets and not filterset.every_language:
            # No language chosen: the page's, and the others' items it has no translation of
            # unless the visitor chose not to see them (newsroom/index.py scope()).
            include = (data.get(OTHERS) or default_others()) == "include"
            self.narrowing["language"] = index.scope(languages.current(), include)
        self._without = {}

    def without(self, facet=None):
        """The items every filter keeps but those of `facet` (a name; None: all filters)."""
        if facet not in self._without:
            others = [bitmap for name, bitmap in self.narrowing.items() if name != facet]
            self._without[facet] = BitMap.intersection(self.base, *others) if others else self.base
        return self._without[facet]

    @property
    def results(self):
        return self.without(None)

    def counts(self, branches=BRANCHES):
        """{branch: counts}: every parameter's ({value: n}; the tags' [(id, slug, name, n)]),
        "total" (the number of results) and "span" (the first and last year of all news)."""
        found = {}
        for branch in branches:
            if branch == "total":
                found[branch] = len(self.results)
            elif branch == "span":
                found[branch] = self.index.year_span()
            else:
                param, facet = PARAMS[branch], FACET_OF[branch]
                over = self.without(facet.name)
                found[branch] = RULES[param.counted](self, facet, param, over)
        return found

    def page(self, start, stop, newest=True):
        """The ids of results `start` to `stop`, newest first unless `newest` is false."""
        return self.index.page(self.results, start, stop, newest=newest)

    def page_by_relevance(self, start, stop):
        """The ids of results `start` to `stop` by relevance to the search, when the index
        orders them (else None: the database does)."""
        if self.search is None or not self.search.ranks:
            return None
        return self.search.page(self.results, start, stop)


# The rules: each counts the choices of parameter `param` of `facet` over the items `over`.


def _links(selection, facet, param, over):
    """Items per term; a term of a tree counts everything under it, each item once."""
    index, name = selection.index, facet.source(param)
    trees = selection.filterset.trees
    bitmaps = index.values[name]
    if not trees.is_tree(param.terms):
        return {pk: over.intersection_cardinality(bitmap) for pk, bitmap in bitmaps.items()}
    counts = {}
    for pk, ids in trees.subtrees[param.terms].items():
        if len(ids) == 1:
            bitmap = bitmaps.get(pk)
        else:
            key = ("subtree", name, frozenset(ids))
            bitmap = index.memo(key, lambda ids=ids: index.union(name, ids))
        if bitmap:
            counts[pk] = over.intersection_cardinality(bitmap)
    return counts


def _groups(selection, facet, param, over):
    """Items about at least one member of each group."""
    index, name = selection.index, facet.source(param)
    counts = {}
    terms = getattr(selection.filterset.trees, param.groups)
    for group, _label in param.choices:
        members = frozenset(term.pk for term in terms if term.group == group)
        bitmap = index.memo(("group", name, members), lambda m=members: index.union(name, m))
        counts[group] = over.intersection_cardinality(bitmap)
    return counts


def _column(selection, facet, param, over):
    bitmaps = selection.index.values[facet.source(param)]
    return {value: over.intersection_cardinality(bitmap) for value, bitmap in bitmaps.items()}


def _most_used(selection, facet, param, over):
    """The chosen terms, then the TAG_LIMIT + 1 most used others: [(id, slug, name, n)].
    Terms are tried from the most used overall; the trying stops when none left can enter
    the list (a term's count here is at most its count overall)."""
    bitmaps = selection.index.values[facet.source(param)]
    chosen = {term.pk for term in selection.filterset.form.cleaned_data.get(param.name) or ()}
    limit = TAG_LIMIT + 1
    counts = {pk: over.intersection_cardinality(bitmaps.get(pk, BitMap())) for pk in chosen}
    top = []  # the `limit` largest counts of the others so far, a heap
    for pk, bitmap in sorted(bitmaps.items(), key=lambda pair: -len(pair[1])):
        if len(top) == limit and len(bitmap) < top[0]:
            break
        if pk in chosen:
            continue
        n = over.intersection_cardinality(bitmap)
        if n:
            counts[pk] = n
            if len(top) < limit:
                heapq.heappush(top, n)
            elif n > top[0]:
                heapq.heapreplace(top, n)
    threshold = top[0] if len(top) == limit else 1
    shown = chosen | {pk for pk, n in counts.items() if n >= threshold}
    names = {
        pk: (slug, name)
        for pk, slug, name in Tag.objects.filter(pk__in=shown).values_list("pk", "slug", "name")
    }
    rows = sorted(
        ((pk, *names[pk], counts[pk]) for pk in shown if pk in names),
        key=lambda row: (row[0] not in chosen, -row[3], row[2]),
    )
    return rows[: len(chosen) + limit]


RULES = {
    "links": _links,
    "issuers": _links,
    "groups": _groups,
    "column": _column,
    "most_used": _most_used,
}
