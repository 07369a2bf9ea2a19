"""The long tail: distinct URLs drawn with a fixed seed from the space of the facets.

`facet_space()` (a Django child process) reads the parameters from the table of facets
(newsroom/facets.py FACETS) and their values from the database; `draw()` (pure, standard
library) turns that space into N distinct URLs of every shape a visitor, a feed reader or a
crawler asks: each facet's parameter alone, pairs of facets, OR within a facet, a structure
with its subtree, a date range, search words common and rare, search with a facet, deep
pages, item pages and filtered feeds.
"""

import datetime
import random
from urllib.parse import parse_qsl, urlencode

LIST_PATH = "/en/news/"
FEED_PATH = "/en/news/rss/"
# The interface languages lists and feeds are asked in, with their shares of the drawn
# addresses (item pages are at their items' own addresses).
LANGUAGE_SHARES = {"en": 5, "ru": 3, "fr": 1, "de": 1}
PAGE_SIZE = 20  # newsroom/lists.py LIST_PAGE_SIZE
TAGS = 200  # the most used tags offered to the drawing
ITEMS = 5000  # published items whose pages may be drawn
COMMON_WORDS = 30
RARE_WORDS = 200
# Shapes besides one per facet parameter. kind: "list" and "search" are /news/ pages whose
# counts can be checked; "item" and "feed" are not.
SHAPES = {
    "pair": "list",
    "or": "list",
    "subtree": "list",
    "date range": "list",
    "search common": "search",
    "search rare": "search",
    "search+facet": "search",
    "deep page": "list",
    "item": "item",
    "feed": "feed",
}
ATTEMPTS = 60  # draws of one shape that repeat earlier URLs before the shape is dropped


def url(path=LIST_PATH, params=()):
    """A path with its query string from [(name, value)] pairs, in the order given."""
    return f"{path}?{urlencode(list(params))}" if params else path


def canonical(path, order):
    """The list's address as /news/ makes it and answers without a redirect
    (newsroom/facets.py pairs()): its parameters in the list's `order`, each one's values
    sorted. Drawn addresses have no empty value, default sort or first page to leave out."""
    base, _, query = path.partition("?")
    if base not in list_paths() or not query:
        return path
    rank = {name: number for number, name in enumerate(order)}
    pairs = sorted(parse_qsl(query), key=lambda pair: (rank.get(pair[0], len(rank)), pair[1]))
    return f"{base}?{urlencode(pairs)}"


# Deep pages are drawn among the default language's list's pages (`pages`): other
# languages' lists are shorter.
ONE_LANGUAGE = {"deep page"}


def list_paths():
    """The list's path in every language drawn."""
    return {LIST_PATH.replace("/en/", f"/{code}/", 1) for code in LANGUAGE_SHARES}


def in_language(path, rng):
    """`path` (under /en/) under a language drawn by LANGUAGE_SHARES."""
    code = rng.choices(list(LANGUAGE_SHARES), weights=list(LANGUAGE_SHARES.values()))[0]
    return path.replace("/en/", f"/{code}/", 1)


def shapes(space):
    """{shape: kind} of every shape the space can give: its parameters', then SHAPES."""
    found = {name: "list" for name, values in space["params"].items() if values}
    for name, kind in SHAPES.items():
        if _maker(name)(random.Random(0), space) is not None:
            found[name] = kind
    return found


def draw(space, n, seed):
    """N distinct URLs, [{"shape", "kind", "path"}], the shapes taken in turn, in an order
    shuffled by `seed`. Fewer when the space has fewer distinct URLs."""
    rng = random.Random(seed)
    kinds = shapes(space)
    active = list(kinds)
    seen, drawn, misses = set(), [], dict.fromkeys(active, 0)
    while len(drawn) < n and active:
        for shape in list(active):
            if len(drawn) >= n:
                break
            path = _maker(shape)(rng, space)
            if path is not None and kinds[shape] != "item":
                if shape not in ONE_LANGUAGE:
                    path = in_language(path, rng)
                path = canonical(path, space["order"])
            if path is None or path in seen:
                misses[shape] += 1
                if misses[shape] >= ATTEMPTS:
                    active.remove(shape)
                continue
            seen.add(path)
            drawn.append({"shape": shape, "kind": kinds[shape], "path": path})
    rng.shuffle(drawn)
    return drawn


def split(urls, parts):
    """`urls` dealt into `parts` lists in turn (each with every shape, none shared)."""
    by_shape = {}
    for entry in urls:
        by_shape.setdefault(entry["shape"], []).append(entry)
    dealt = [[] for _ in range(parts)]
    for entries in by_shape.values():
        for index, entry in enumerate(entries):
            dealt[index % parts].append(entry)
    order = {id(entry): index for index, entry in enumerate(urls)}
    return [sorted(part, key=lambda entry: order[id(entry)]) for part in dealt]


# One maker per shape: a path drawn with `rng`, or None when the space cannot give it.


def _one(rng, space, exclude=()):
    """(parameter, value) of a parameter not in `exclude` that has values."""
    names = [name for name, values in space["params"].items() if values and name not in exclude]
    if not names:
        return None
    name = rng.choice(names)
    return name, rng.choice(space["params"][name])


def _param_maker(name):
    def make(rng, space):
        values = space["params"].get(name)
        return url(params=[(name, rng.choice(values))]) if values else None

    return make


def _pair(rng, space):
    first = _one(rng, space)
    if first is None:
        return None
    facet_of = space["facet_of"]
    second = _one(
        rng, space, exclude={n for n in space["params"] if facet_of[n] == facet_of[first[0]]}
    )
    return url(params=sorted([first, second])) if second else None


def _or(rng, space):
    names = [name for name in space["repeats"] if len(space["params"].get(name, ())) >= 2]
    if not names:
        return None
    name = rng.choice(names)
    values = space["params"][name]
    values = rng.sample(values, rng.choice((2, 2, 3)) if len(values) > 2 else 2)
    return url(params=[(name, value) for value in sorted(values)])


def _subtree(rng, space):
    """A structure with structures under it, alone or with another facet's choice."""
    if not space["parents"]:
        return None
    params = [(space["tree_param"], rng.choice(space["parents"]))]
    if rng.random() < 0.75:
        facet_of = space["facet_of"]
        tree_facet = facet_of[space["tree_param"]]
        other = _one(rng, space, exclude={n for n in facet_of if facet_of[n] == tree_facet})
        params += [other] if other else []
    return url(params=sorted(params))


def _date_range(rng, space):
    first, last = space["days"]
    if first is None:
        return None
    start = rng.randint(first, last)
    end = min(last, start + rng.choice((7, 30, 90, 365)))
    return url(params=[("from", _iso(start)), ("to", _iso(end))])


def _iso(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def _search(words):
    def make(rng, space):
        return url(params=[("q", rng.choice(space[words]))]) if space[words] else None

    return make


def _search_facet(rng, space):
    words = space["common_words"] + space["rare_words"]
    facet = _one(rng, space)
    if not words or facet is None:
        return None
    return url(params=[facet, ("q", rng.choice(words))])


def _deep_page(rng, space):
    if space["pages"] < 3:
        return None
    return url(params=[("page", rng.randint(max(2, space["pages"] // 10), space["pages"]))])


def _item(rng, space):
    return rng.choice(space["items"]) if space["items"] else None


def _feed(rng, space):
    first = _one(rng, space)
    if first is None:
        return None
    params = [first]
    if rng.random() < 0.5:
        facet_of = space["facet_of"]
        second = _one(
            rng, space, exclude={n for n in space["params"] if facet_of[n] == facet_of[first[0]]}
        )
        params += [second] if second else []
    return url(FEED_PATH, sorted(params))


MAKERS = {
    "pair": _pair,
    "or": _or,
    "subtree": _subtree,
    "date range": _date_range,
    "search common": _search("common_words"),
    "search rare": _search("rare_words"),
    "search+facet": _search_facet,
    "deep page": _deep_page,
    "item": _item,
    "feed": _feed,
}


def _maker(shape):
    return MAKERS.get(shape) or _param_maker(shape)


# The space, read in a Django child process.


def facet_space():
    """The facets' parameters and their values in this database, as a JSON-ready dict."""
    import re
    from collections import Counter

    from django.conf import settings
    from django.db.models import Count, Max, Min

    from news.models import NewsItem, Tag
    from newsroom.facets import FACET_OF, PARAMS, default_others, order
    from newsroom.filters import Trees

    published = NewsItem.objects.published()
    trees = Trees.load()
    years = sorted({d.year for d in published.dates("date_issued", "year")}, reverse=True)
    params, tree_param, parents = {}, "", []
    for name, param in PARAMS.items():
        if param.terms:
            terms = trees.listed(param.terms)
            params[name] = [term.slug for term, _depth in terms]
            if trees.is_tree(param.terms) and FACET_OF[name].narrowed == "issued_by":
                tree_param = name
                subtrees = trees.subtrees[param.terms]
                parents = [term.slug for term, _d in terms if len(subtrees[term.pk]) > 1]
        elif param.choices:
            params[name] = [str(value) for value, _label in param.choices]
        elif param.model is not None:
            params[name] = list(
                Tag.objects.annotate(n=Count("tagged_news"))
                .filter(n__gt=0)
                .order_by("-n", "slug")
                .values_list("slug", flat=True)[:TAGS]
            )
        else:
            params[name] = [str(year) for year in years]
    span = published.aggregate(first=Min("date_issued"), last=Max("date_issued"))
    frequency = Counter()
    word = re.compile(r"[a-z]{5,}")
    for title, lede in published.values_list("title", "lede")[:2000]:
        frequency.update(set(word.findall(f"{title} {lede}".lower())))
    ranked = sorted(frequency, key=lambda w: (-frequency[w], w))
    count = published.count()
    # The default language's list, as a visitor sees it (newsroom/index.py scope()).
    listed = published.in_language(settings.LANGUAGE_CODE, default_others() == "include")
    step = max(1, count // ITEMS)
    items = list(published.order_by("pk").values_list("slug", "language"))[::step]
    paths = [NewsItem(slug=slug, language=language).get_absolute_url() for slug, language in items]
    return {
        "params": params,
        "order": list(order()),  # of the parameters in the list's addresses
        "facet_of": {name: FACET_OF[name].name for name in PARAMS},
        "repeats": [name for name, param in PARAMS.items() if param.repeats],
        "tree_param": tree_param,
        "parents": parents,
        "days": [
            span["first"].toordinal() if span["first"] else None,
            span["last"].toordinal() if span["last"] else None,
        ],
        "common_words": ranked[:COMMON_WORDS],
        "rare_words": sorted(ranked[COMMON_WORDS:], key=lambda w: (frequency[w], w))[:RARE_WORDS],
        "pages": (listed.count() + PAGE_SIZE - 1) // PAGE_SIZE,
        "items": paths[:ITEMS],
        "published": count,
    }
