"""The counts of the facets of /news/: every facet's counts from one query, each facet's
cached on its own.

A facet's counts depend on the other facets' filters only, so they are cached under the
publication state (newsroom/freshness.py) and those filters: /news/?field=x reuses the field
counts of /news/, and a page of results reuses the counts of its first page. What is not
cached is counted in one round trip: a UNION ALL of one grouped count per parameter, each by
its rule (RULES, named in the table of facets, newsroom/facets.py).
"""

import time
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Value
from django.db.models.functions import ExtractYear

from news.models import RELATIONS, NewsSupportingStructure
from newsroom.facets import FACET_OF, FACETS, GROUP_NAMES, PARAMS, TAG_LIMIT

# How long a request waits for counts another request is making before making them itself.
WAIT_SECONDS = 10
RELATION = {relation.name: relation for relation in RELATIONS}
# Besides every parameter: the number of results, and the first and last year of all news.
BRANCHES = (*PARAMS, "total", "span")


class _Query:
    """One SELECT of (branch, value, n, slug, label) rows, built from per-branch SELECTs.

    Each set of items counted over (the results without one facet's filter) is selected once,
    as a common table expression with the columns id, lead_structure_id and each column
    facet's column, and shared by every branch counted over it: a search, say, is matched
    once, not per facet.
    """

    def __init__(self):
        self.ctes, self.parts, self.params, self.sets = [], [], [], {}
        columns = [facet for facet in FACETS if facet.narrowed == "column"]
        self.fields = [facet.column for facet in columns if facet.expression is None]
        self.expressions = {f.column: f.expression for f in columns if f.expression is not None}

    def items(self, queryset, materialize=False):
        """The name of the table expression of `queryset`'s items; None if none can match.

        On PostgreSQL it is worked out once and kept (materialised) when `materialize`: for
        filtered items, whose filtering is the costly part. All published items are better
        read anew by each branch, from an index and with parallel workers."""
        try:
            sql, params = (
                queryset.order_by()
                .values("pk", "lead_structure", *self.fields, **self.expressions)
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
            names = ", ".join(["id", "lead_structure_id", *self.fields, *self.expressions])
            self.ctes.append((f"{self.sets[key]} ({names}) AS {how}({sql})", params))
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


def _link_columns(relation):
    """(the link table, its column of the item, its column of the term) of a relation."""
    meta = relation.link._meta
    return (
        quote(relation.link),
        meta.get_field(relation.news_key).column,
        meta.get_field(relation.term_key).column,
    )


def _tree_pairs(subtrees, everything=False):
    """(node, ancestor) pairs; without `everything`, only for ancestors with nodes under them
    (a leaf's own count needs no table)."""
    return [
        (node, ancestor)
        for ancestor, nodes in subtrees.items()
        if everything or len(nodes) > 1
        for node in nodes
    ]


# The rules. Each adds the SELECTs of parameter `param` of `facet` over `items`; their rows
# are read back by _parse() into {value: count} (a tag's: [(id, slug, name, count)]).


def _links(query, facet, param, items, trees, chosen_tags):
    """Items per linked term; a term of a tree counts its subtree, each item once."""
    table, news, term = _link_columns(RELATION[facet.relation])
    query.add(
        param.name,
        f"SELECT l.{term} AS value, COUNT(*) AS n FROM {table} l "
        f"INNER JOIN {items} i ON i.id = l.{news} GROUP BY l.{term}",
    )
    if not trees.is_tree(param.terms):
        return
    pairs = _tree_pairs(trees.subtrees[param.terms])
    if pairs:
        name = f"{param.name}_tree"
        query.tree(name, pairs)
        query.add(
            f"{param.name}-subtree",
            f"SELECT t.ancestor AS value, COUNT(DISTINCT l.{news}) AS n "
            f"FROM {table} l INNER JOIN {items} i ON i.id = l.{news} "
            f"INNER JOIN {name} t ON t.node = l.{term} GROUP BY t.ancestor",
        )


def _issuers(query, facet, param, items, trees, chosen_tags):
    """An item counts for a structure when its lead or a supporting issuer is the structure
    or under it. Most items have a lead issuer only: they are counted per lead issuer
    ("structure-lead") and summed up the tree in Python. The few with supporting issuers are
    counted per structure and subtree, each once ("structure-shared")."""
    supporting = quote(NewsSupportingStructure)
    has_supporting = f"EXISTS (SELECT 1 FROM {supporting} s WHERE s.news_id = i.id)"
    query.add(
        f"{param.name}-lead",
        f"SELECT i.lead_structure_id AS value, COUNT(*) AS n FROM {items} i "
        f"WHERE NOT {has_supporting} GROUP BY i.lead_structure_id",
    )
    pairs = _tree_pairs(trees.subtrees[param.terms], everything=True)
    if not pairs:
        return
    query.tree("structure_tree", pairs)
    query.add(
        f"{param.name}-shared",
        f"SELECT t.ancestor AS value, COUNT(DISTINCT p.news_id) AS n FROM ("
        f"SELECT i.id AS news_id, i.lead_structure_id AS structure_id FROM {items} i "
        f"WHERE {has_supporting} "
        f"UNION ALL SELECT s.news_id, s.structure_id FROM {supporting} s "
        f"INNER JOIN {items} i ON i.id = s.news_id"
        f") p INNER JOIN structure_tree t ON t.node = p.structure_id GROUP BY t.ancestor",
    )


def _groups(query, facet, param, items, trees, chosen_tags):
    """Items about at least one member of each group: a semi-join each, cheaper than counting
    distinct items over all the links."""
    table, news, term = _link_columns(RELATION[facet.relation])
    for group in GROUP_NAMES:
        members = [t.pk for t in getattr(trees, param.groups) if t.group == group]
        if not members:
            continue
        query.add(
            param.name,
            f"SELECT %s AS value, COUNT(*) AS n FROM {items} i WHERE EXISTS (SELECT 1 "
            f"FROM {table} l WHERE l.{news} = i.id AND l.{term} IN ({placeholders(members)}))",
            [str(group), *members],
        )


def _column(query, facet, param, items, trees, chosen_tags):
    column = facet.column
    query.add(param.name, f"SELECT {column} AS value, COUNT(*) AS n FROM {items} GROUP BY {column}")


def _most_used(query, facet, param, items, trees, chosen_tags):
    """The chosen terms, then the most used ones, with their slugs and names."""
    relation = RELATION[facet.relation]
    table, news, term = _link_columns(relation)
    chosen = (
        f"CASE WHEN l.{term} IN ({placeholders(chosen_tags)}) THEN 0 ELSE 1 END, "
        if chosen_tags
        else ""
    )
    query.add(
        param.name,
        f"SELECT l.{term} AS value, COUNT(*) AS n, t.slug AS slug, t.name AS label "
        f"FROM {table} l INNER JOIN {items} i ON i.id = l.{news} "
        f"INNER JOIN {quote(relation.term)} t ON t.id = l.{term} "
        f"GROUP BY l.{term}, t.slug, t.name ORDER BY {chosen}COUNT(*) DESC, t.name "
        f"LIMIT {TAG_LIMIT + len(chosen_tags) + 1:d}",
        chosen_tags,
        labelled=True,
    )


RULES = {
    "links": _links,
    "issuers": _issuers,
    "groups": _groups,
    "column": _column,
    "most_used": _most_used,
}


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
    found = {name: [] for name in PARAMS}
    found.update(total=0, first=[], last=[])
    for branch, value, n, slug, label in rows:
        name, _dash, part = branch.partition("-")
        if branch == "total":
            found[branch] = n
        elif branch in ("first", "last"):
            found[branch].append(int(Decimal(value)))
        else:
            found[name].append((part, value, n, slug, label))
    counts = {"total": found["total"]}
    for name, param in PARAMS.items():
        counts[name] = _counts(param, found[name], trees, chosen_tags)
    counts["span"] = (min(found["first"], default=None), max(found["last"], default=None))
    return {branch: counts[branch] for branch in branches}


def _counts(param, rows, trees, chosen_tags):
    """A parameter's counts from its rows: {value: n}, or a tag's rows."""
    if param.counted == "most_used":
        chosen = set(chosen_tags)
        found = [(int(value), slug, label, n) for _part, value, n, slug, label in rows]
        return sorted(found, key=lambda row: (row[0] not in chosen, -row[3], row[2]))
    parts = {}
    for part, value, n, _slug, _label in rows:
        key = value if param.choices else int(Decimal(value))
        parts.setdefault(part, {})[key] = n
    if param.counted == "issuers":
        lead, shared = parts.get("lead", {}), parts.get("shared", {})
        return {
            ancestor: sum(lead.get(node, 0) for node in nodes) + shared.get(ancestor, 0)
            for ancestor, nodes in trees.subtrees[param.terms].items()
        }
    counts = parts.get("", {})
    counts.update(parts.get("subtree", {}))  # subtrees counted once per item
    return counts


def count(filterset, reading, branches=BRANCHES):
    """Every parameter's counts, each from the results without its facet's own filter; the
    number of results ("total"); the first and last year of all published news ("span").

    What was counted before in the same `reading` (newsroom/results.py) is taken from the
    cache, and what is counted is kept there.
    """
    chosen_tags = sorted(tag.pk for tag in filterset.form.cleaned_data.get("tag") or ())
    if not reading.caches:
        return _count(filterset, branches, chosen_tags)
    keys = {branch: _key(filterset, reading, branch, chosen_tags) for branch in branches}
    cached = cache.get_many(keys.values())
    found = {branch: cached[key] for branch, key in keys.items() if key in cached}
    missing = {branch: key for branch, key in keys.items() if branch not in found}
    if not missing:
        return found
    lock = reading.key("counting", *missing.values())
    if not cache.add(lock, True, WAIT_SECONDS):
        found.update(_wait_for(missing))
        missing = {branch: key for branch, key in keys.items() if branch not in found}
        lock = None
    try:
        counted = _count(filterset, list(missing), chosen_tags) if missing else {}
        cache.set_many(
            {missing[branch]: value for branch, value in counted.items()}, reading.timeout()
        )
    finally:
        if lock:
            cache.delete(lock)
    return {**found, **counted}


def _key(filterset, reading, branch, chosen_tags):
    if branch == "span":
        return reading.key("span")
    facet = FACET_OF[branch].name if branch in PARAMS else None
    chosen = tuple(chosen_tags) if branch == "tag" else ()
    return reading.key("facet", branch, filterset.signature(without=facet), chosen)


def _count(filterset, branches, chosen_tags):
    """Count `branches` in one query."""
    query = _Query()
    for branch in branches:
        if branch == "span":
            _add_span(query, filterset.queryset)
            continue
        facet = FACET_OF[branch] if branch in PARAMS else None
        name = facet.name if facet else None
        items = query.items(
            filterset.without(name), materialize=bool(filterset.signature(without=name))
        )
        if items is None:  # nothing can match: no rows, every count 0
            continue
        if facet is None:
            query.add(branch, f"SELECT NULL AS value, COUNT(*) AS n FROM {items}")
        else:
            rule = RULES[PARAMS[branch].counted]
            rule(query, facet, PARAMS[branch], items, filterset.trees, chosen_tags)
    return _parse(query.run(), branches, filterset.trees, chosen_tags)


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
