"""Faceted navigation of the news list: the choices of each facet, with counts.

A choice's count is the number of published items the choice alone gives with every other
active filter (and the search) applied; its `url` is that very view, so the number shown is
the number of results its link gives. A facet's own choices do not narrow its counts
(disjunctive faceting, as on GOV.UK and ReliefWeb).

`count(filterset, trees, state)` does all the counting: one query for every facet whatever
the number of choices, each facet's counts kept in the cache until what is public changes
(news/freshness.py); `build(...)` turns the counts into choices for the template.
"""

import time
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Value
from django.db.models.functions import ExtractYear
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news.models import (
    NewsCountry,
    NewsFieldOfWork,
    NewsItem,
    NewsMeetingSeries,
    NewsSupportingStructure,
    Tag,
    TaggedNews,
)
from newsroom.filters import FACET_PARAMETERS, GROUP_NAMES

# The tag facet shows the most used tags of the current results, and the chosen ones.
TAG_LIMIT = 20
# How long a request waits for counts another request is making before making them itself.
WAIT_SECONDS = 10


@dataclass
class Choice:
    param: str
    value: str
    label: str
    count: int | None  # None when the counts could not be made (invalid filters)
    selected: bool
    url: str
    depth: int = 0

    @property
    def available(self):
        """False for a choice that would give nothing (and is not chosen)."""
        return self.selected or self.count is None or self.count > 0

    @property
    def html_id(self):
        return f"facet-{self.param}-{self.value}"

    @property
    def link_label(self):
        """What the count's link says to a screen reader."""
        return ngettext(
            "%(count)d item: show only %(label)s",
            "%(count)d items: show only %(label)s",
            self.count or 0,
        ) % {"count": self.count or 0, "label": self.label}


@dataclass
class Facet:
    name: str
    label: str
    choices: list = field(default_factory=list)
    note: str = ""
    errors: list = field(default_factory=list)

    @property
    def selected(self):
        return [choice for choice in self.choices if choice.selected]


# Counting: every facet's counts from one query, each facet's cached on its own.
#
# A facet's counts depend on the other facets' filters only, so they are cached under the
# publication state (news/freshness.py) and those filters: /news/?field=x reuses the field
# counts of /news/, and a page of results reuses the counts of its first page. What is not
# cached is counted in one round trip: a UNION ALL of one grouped count per facet.

# (what is counted, the facet whose own choices do not narrow it)
BRANCHES = {
    "field": "field",
    "structure": "structure",
    "country": "country",
    "group": "country",
    "kind": "kind",
    "meeting": "meeting",
    "tag": "tag",
    "year": "year",
    "total": None,
}


class _Query:
    """One SELECT of (branch, value, n, slug, label) rows, built from per-branch SELECTs.

    Each set of items counted over (the results without one facet's filter) is selected once,
    as a common table expression with the columns id, kind, lead_structure_id and year, and
    shared by every branch counted over it: a search, say, is matched once, not per facet.
    """

    def __init__(self):
        self.ctes, self.parts, self.params, self.sets = [], [], [], {}

    def items(self, queryset, materialize=False):
        """The name of the table expression of `queryset`'s items; None if none can match.

        On PostgreSQL it is worked out once and kept (materialised) when `materialize`: for
        filtered items, whose filtering is the costly part. All published items are better
        read anew by each branch, from an index and with parallel workers."""
        try:
            sql, params = (
                queryset.order_by()
                .values("pk", "kind", "lead_structure", year=ExtractYear("date_issued"))
                .query.sql_with_params()
            )
        except EmptyResultSet:
            return None
        key = (sql, tuple(params))
        if key not in self.sets:
            self.sets[key] = f"items_{len(self.sets)}"
            how = ""
            if connection.vendor == "postgresql":
                how = "MATERIALIZED " if materialize else "NOT MATERIALIZED "
            self.ctes.append(
                (f"{self.sets[key]} (id, kind, lead_structure_id, year) AS {how}({sql})", params)
            )
        return self.sets[key]

    def tree(self, name, pairs):
        """A (node, ancestor) table named `name`, for counting subtrees."""
        values = ", ".join(["(%s, %s)"] * len(pairs))
        self.ctes.append((f"{name} (node, ancestor) AS (VALUES {values})", sum(pairs, ())))

    def add(self, branch, sql, params=(), labelled=False):
        """Add the rows of `sql`, with columns value and n (and slug and label if `labelled`)."""
        extra = "b.slug, b.label" if labelled else "CAST(NULL AS TEXT), CAST(NULL AS TEXT)"
        self.parts.append(f"SELECT %s, CAST(b.value AS TEXT), b.n, {extra} FROM ({sql}) b")
        self.params.extend([branch, *params])

    def run(self):
        if not self.parts:
            return []
        sql = " UNION ALL ".join(self.parts)
        if self.ctes:
            sql = "WITH " + ", ".join(cte for cte, _params in self.ctes) + " " + sql
        params = [param for _cte, cte_params in self.ctes for param in cte_params]
        params.extend(self.params)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def quote(model):
    return connection.ops.quote_name(model._meta.db_table)


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def _tree_pairs(subtrees, everything=False):
    """(node, ancestor) pairs; without `everything`, only for ancestors with nodes under them
    (a leaf's own count needs no table)."""
    return [
        (node, ancestor)
        for ancestor, nodes in subtrees.items()
        if everything or len(nodes) > 1
        for node in nodes
    ]


def _count_links(query, branch, model, column, items):
    query.add(
        branch,
        f"SELECT l.{column} AS value, COUNT(*) AS n FROM {quote(model)} l "
        f"INNER JOIN {items} i ON i.id = l.news_id GROUP BY l.{column}",
    )


def _add_field(query, items, trees):
    _count_links(query, "field", NewsFieldOfWork, "field_id", items)
    pairs = _tree_pairs(trees.subtrees["field"])
    if pairs:
        query.tree("field_tree", pairs)
        query.add(
            "field-subtree",
            f"SELECT t.ancestor AS value, COUNT(DISTINCT l.news_id) AS n "
            f"FROM {quote(NewsFieldOfWork)} l INNER JOIN {items} i ON i.id = l.news_id "
            f"INNER JOIN field_tree t ON t.node = l.field_id GROUP BY t.ancestor",
        )


def _add_structure(query, items, trees):
    """An item counts for a structure when its lead or a supporting issuer is the structure
    or under it. Most items have a lead issuer only: they are counted per lead issuer
    ("structure-lead") and summed up the tree in Python. The few with supporting issuers are
    counted per structure and subtree, each once ("structure-shared")."""
    supporting = quote(NewsSupportingStructure)
    has_supporting = f"EXISTS (SELECT 1 FROM {supporting} s WHERE s.news_id = i.id)"
    query.add(
        "structure-lead",
        f"SELECT i.lead_structure_id AS value, COUNT(*) AS n FROM {items} i "
        f"WHERE NOT {has_supporting} GROUP BY i.lead_structure_id",
    )
    pairs = _tree_pairs(trees.subtrees["structure"], everything=True)
    if not pairs:
        return
    query.tree("structure_tree", pairs)
    query.add(
        "structure-shared",
        f"SELECT t.ancestor AS value, COUNT(DISTINCT p.news_id) AS n FROM ("
        f"SELECT i.id AS news_id, i.lead_structure_id AS structure_id FROM {items} i "
        f"WHERE {has_supporting} "
        f"UNION ALL SELECT s.news_id, s.structure_id FROM {supporting} s "
        f"INNER JOIN {items} i ON i.id = s.news_id"
        f") p INNER JOIN structure_tree t ON t.node = p.structure_id GROUP BY t.ancestor",
    )


def _sum_structures(lead, shared, trees):
    """{structure id: items issued by it or under it}, from the two structure branches."""
    return {
        ancestor: sum(lead.get(node, 0) for node in nodes) + shared.get(ancestor, 0)
        for ancestor, nodes in trees.subtrees["structure"].items()
    }


def _add_group(query, items, trees):
    """Items about at least one member of each group: a semi-join each, cheaper than counting
    distinct items over all the country links."""
    for group in GROUP_NAMES:
        members = [country.pk for country in trees.countries if country.group == group]
        if not members:
            continue
        query.add(
            "group",
            f"SELECT %s AS value, COUNT(*) AS n FROM {items} i WHERE EXISTS (SELECT 1 "
            f"FROM {quote(NewsCountry)} l WHERE l.news_id = i.id "
            f"AND l.country_id IN ({placeholders(members)}))",
            [str(group), *members],
        )


def _add_tag(query, items, chosen_tags):
    """The chosen tags, then the most used ones."""
    chosen = (
        f"CASE WHEN l.tag_id IN ({placeholders(chosen_tags)}) THEN 0 ELSE 1 END, "
        if chosen_tags
        else ""
    )
    query.add(
        "tag",
        f"SELECT l.tag_id AS value, COUNT(*) AS n, t.slug AS slug, t.name AS label "
        f"FROM {quote(TaggedNews)} l INNER JOIN {items} i ON i.id = l.content_object_id "
        f"INNER JOIN {quote(Tag)} t ON t.id = l.tag_id "
        f"GROUP BY l.tag_id, t.slug, t.name ORDER BY {chosen}COUNT(*) DESC, t.name "
        f"LIMIT {TAG_LIMIT + len(chosen_tags) + 1:d}",
        chosen_tags,
        labelled=True,
    )


def _add_branch(query, branch, items, trees, chosen_tags):
    if branch == "field":
        _add_field(query, items, trees)
    elif branch == "structure":
        _add_structure(query, items, trees)
    elif branch == "country":
        _count_links(query, branch, NewsCountry, "country_id", items)
    elif branch == "group":
        _add_group(query, items, trees)
    elif branch == "meeting":
        _count_links(query, branch, NewsMeetingSeries, "meeting_series_id", items)
    elif branch == "tag":
        _add_tag(query, items, chosen_tags)
    elif branch in ("kind", "year"):
        query.add(branch, f"SELECT {branch} AS value, COUNT(*) AS n FROM {items} GROUP BY {branch}")
    elif branch == "total":
        query.add(branch, f"SELECT NULL AS value, COUNT(*) AS n FROM {items}")


def _add_span(query, published):
    """The first and the last year of all published news: the years the facet offers."""
    for branch, order in (("first", "date_issued"), ("last", "-date_issued")):
        sql, params = (
            published.order_by(order)
            .values(value=ExtractYear("date_issued"), n=Value(1))[:1]
            .query.sql_with_params()
        )
        query.add(branch, sql, params)


def _parse(rows, branches, trees, chosen_tags):
    """{branch: counts} from the query's rows; every branch asked for gets an entry."""
    found = {name: {} for name in [*BRANCHES, "first", "last"]}
    found.update(
        {"field-subtree": {}, "structure-lead": {}, "structure-shared": {}, "tag": [], "total": 0}
    )
    for branch, value, n, slug, label in rows:
        if branch in ("group", "kind"):
            found[branch][value] = n
        elif branch == "tag":
            found[branch].append((int(value), slug, label, n))
        elif branch == "total":
            found[branch] = n
        else:
            found[branch][int(Decimal(value))] = n
    found["field"].update(found.pop("field-subtree"))  # subtrees counted once per item
    found["structure"] = _sum_structures(
        found.pop("structure-lead"), found.pop("structure-shared"), trees
    )
    chosen = set(chosen_tags)
    found["tag"].sort(key=lambda row: (row[0] not in chosen, -row[3], row[2]))
    first, last = found.pop("first"), found.pop("last")
    found["span"] = (min(first, default=None), max(last, default=None))
    return {branch: found[branch] for branch in branches}


def count(filterset, trees, state=None, branches=(*BRANCHES, "span")):
    """Every facet's counts, each from the results without that facet's own filter; the
    number of results ("total"); the first and last year of all published news ("span").

    With the publication `state`, what was counted before is taken from the cache, and what
    is counted is kept there.
    """
    chosen_tags = sorted(tag.pk for tag in filterset.form.cleaned_data.get("tag") or ())
    if state is None:
        return _count(filterset, trees, branches, chosen_tags)
    keys = {
        branch: state.key("span")
        if branch == "span"
        else state.key(
            "facet",
            branch,
            filterset.signature(without=BRANCHES[branch]),
            tuple(chosen_tags) if branch == "tag" else (),
        )
        for branch in branches
    }
    cached = cache.get_many(keys.values())
    found = {branch: cached[key] for branch, key in keys.items() if key in cached}
    missing = {branch: key for branch, key in keys.items() if branch not in found}
    if not missing:
        return found
    lock = state.key("counting", *missing.values())
    if not cache.add(lock, True, WAIT_SECONDS):
        found.update(_wait_for(missing))
        missing = {branch: key for branch, key in keys.items() if branch not in found}
        lock = None
    try:
        counted = _count(filterset, trees, list(missing), chosen_tags) if missing else {}
        cache.set_many(
            {missing[branch]: value for branch, value in counted.items()}, state.timeout()
        )
    finally:
        if lock:
            cache.delete(lock)
    return {**found, **counted}


def _count(filterset, trees, branches, chosen_tags):
    """Count `branches` in one query."""
    query = _Query()
    for branch in branches:
        if branch == "span":
            _add_span(query, filterset.queryset)
            continue
        facet = BRANCHES[branch]
        items = query.items(
            filterset.without(facet), materialize=bool(filterset.signature(without=facet))
        )
        if items is not None:  # else nothing can match: no rows, every count 0
            _add_branch(query, branch, items, trees, chosen_tags)
    return _parse(query.run(), branches, trees, chosen_tags)


def _wait_for(keys):
    """What another request is counting ({branch: cache key}), as far as it is done within
    WAIT_SECONDS: after a change, the first visitors of a busy page would otherwise all
    count the same at once."""
    deadline = time.monotonic() + WAIT_SECONDS
    found = {}
    while len(found) < len(keys) and time.monotonic() < deadline:
        time.sleep(0.05)
        cached = cache.get_many([key for branch, key in keys.items() if branch not in found])
        found.update({branch: cached[key] for branch, key in keys.items() if key in cached})
    return found


# Building the choices for the template.


def url_with(params, **changes):
    """A query string from `params` with `changes` ({name: [values] or None}), without `page`."""
    query = params.copy()
    query.pop("page", None)
    for name in list(query):
        query.setlist(name, list(dict.fromkeys(query.getlist(name))))  # no repeated values
    for name, values in changes.items():
        if values:
            query.setlist(name, values)
        else:
            query.pop(name, None)
    return "?" + query.urlencode()


def _only(params, facet, param, value):
    """The current view with `value` as the only choice of `facet`."""
    changes = dict.fromkeys(FACET_PARAMETERS[facet])
    changes[param] = [str(value)]
    return url_with(params, **changes)


def build(filterset, params, trees, counts=None, span=(None, None)):
    """{facet name: Facet}, in the order the page shows them. Without `counts`, no numbers.

    The years offered run from the first to the last year of all published news (`span`,
    else counts["span"]).
    """
    tag_rows = counts["tag"] if counts is not None else []
    numbers = None if counts is None else {**counts, "tag": {row[0]: row[3] for row in tag_rows}}
    facets = {}

    def choice(facet, param, key, value, label, depth=0):
        number = None if numbers is None else numbers[param].get(key, 0)
        return Choice(
            param=param,
            value=str(value),
            label=str(label),
            count=number,
            selected=str(value) in params.getlist(param),
            url=_only(params, facet, param, value),
            depth=depth,
        )

    facets["field"] = Facet(
        "field",
        _("Field of work"),
        [choice("field", "field", f.pk, f.slug, f.name, depth) for f, depth in trees.fields],
    )
    facets["country"] = Facet(
        "country",
        _("Country"),
        [choice("country", "group", value, value, label) for value, label in GROUP_NAMES.items()]
        + [choice("country", "country", c.pk, c.slug, c.name) for c in trees.countries],
    )
    facets["structure"] = Facet(
        "structure",
        _("Issued by"),
        [
            choice("structure", "structure", s.pk, s.slug, str(s), depth)
            for s, depth in trees.structures
        ],
    )
    facets["kind"] = Facet(
        "kind",
        _("Kind"),
        [choice("kind", "kind", value, value, label) for value, label in NewsItem.Kind.choices],
    )
    facets["meeting"] = Facet(
        "meeting",
        _("Meeting or conference"),
        [choice("meeting", "meeting", m.pk, m.slug, m.name) for m in trees.meetings],
    )

    # Tags: the chosen ones, then the most used in the results (there may be thousands).
    chosen = [(t.pk, t.slug, t.name) for t in filterset.form.cleaned_data.get("tag") or ()]
    chosen_ids = {pk for pk, _slug, _name in chosen}
    others = [row[:3] for row in tag_rows if row[0] not in chosen_ids]
    facets["tag"] = Facet(
        "tag",
        _("Tag"),
        [choice("tag", "tag", pk, slug, name) for pk, slug, name in chosen + others[:TAG_LIMIT]],
        note=(
            _("The %(limit)d most used tags in these results.") % {"limit": TAG_LIMIT}
            if len(others) > TAG_LIMIT
            else ""
        ),
    )

    first, last = counts["span"] if counts is not None else span
    year_values = list(range(last, first - 1, -1)) if first and last else []
    chosen_year = filterset.form.cleaned_data.get("year")
    if chosen_year and chosen_year not in year_values:
        year_values = sorted([*year_values, chosen_year], reverse=True)
    facets["year"] = Facet(
        "year", _("Year"), [choice("year", "year", y, y, y) for y in year_values]
    )

    errors = filterset.form.errors
    for name, facet in facets.items():
        facet.errors = [e for param in FACET_PARAMETERS[name] for e in errors.get(param, [])]
    return facets


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str
    invalid: bool = False


ACTIVE_ORDER = (
    "q",
    "field",
    "country",
    "group",
    "structure",
    "kind",
    "meeting",
    "tag",
    "year",
    "from",
    "to",
)


def _control_id(param):
    """The id of the element of the filter form where `param` is chosen."""
    for facet, params in FACET_PARAMETERS.items():
        if param in params and facet != "year":
            return f"facet-{facet}"
    return f"news-{param}"


def error_summary(filterset):
    """[(link to the control, message)] for every invalid parameter."""
    return [
        (f"#{_control_id(param)}", error)
        for param, errors in filterset.form.errors.items()
        for error in errors
    ]


def active_filters(filterset, params, facets):
    """Each value of every filter in the URL, with a link that removes just that value."""
    errors = filterset.form.errors
    known = {
        (choice.param, choice.value): choice.label
        for facet in facets.values()
        for choice in facet.choices
    }
    names = {
        "q": _("Search"),
        "field": _("Field of work"),
        "country": _("Country"),
        "group": _("Countries"),
        "structure": _("Issued by"),
        "kind": _("Kind"),
        "meeting": _("Meeting"),
        "tag": _("Tag"),
        "year": _("Year"),
        "from": _("From"),
        "to": _("To"),
    }
    active = []
    for param in ACTIVE_ORDER:
        values = list(dict.fromkeys(params.getlist(param)))
        for value in values:
            if not value.strip():
                continue
            label = known.get((param, value))
            invalid = param in errors and label is None
            if label is None:
                label = Truncator(value).chars(60)
            if param == "q":
                label = f"“{label}”"
            remaining = [other for other in values if other != value]
            changes = {param: remaining}
            if param == "q" and params.get("sort") == "relevance":
                changes["sort"] = None
            active.append(
                ActiveFilter(
                    label=str(names[param]),
                    value=label,
                    remove_url=url_with(params, **changes),
                    invalid=invalid,
                )
            )
    return active
