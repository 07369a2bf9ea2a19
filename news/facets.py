"""Faceted navigation of the news list: the choices of each facet, with counts.

A choice's count is the number of published items the choice alone gives with every other
active filter (and the search) applied; its `url` is that very view, so the number shown is
the number of results its link gives. A facet's own choices do not narrow its counts
(disjunctive faceting, as on GOV.UK and ReliefWeb).

`count(filterset, trees)` does all the counting, one query per facet whatever the number of
choices; `build(...)` turns the counts into choices for the template. A faster counter (cached
or denormalised) can replace `count` without touching the rest.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news.filters import FACET_PARAMETERS, GROUP_NAMES
from news.models import (
    NewsCountry,
    NewsFieldOfWork,
    NewsItem,
    NewsMeetingSeries,
    NewsSupportingStructure,
    TaggedNews,
)
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

# The tag facet shows the most used tags of the current results, and the chosen ones.
TAG_LIMIT = 20


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


@dataclass
class Trees:
    """The taxonomy terms the facets offer, read once per request."""

    fields: list
    structures: list
    countries: list
    meetings: list

    @classmethod
    def load(cls):
        return cls(
            fields=_in_tree_order(FieldOfWork.objects.only("pk", "name", "slug", "parent_id")),
            structures=_in_tree_order(
                Structure.objects.only("pk", "name", "acronym", "slug", "parent_id")
            ),
            countries=list(Country.objects.only("pk", "name", "slug", "group")),
            meetings=list(MeetingSeries.objects.only("pk", "name", "slug")),
        )


def _in_tree_order(nodes):
    """[(node, depth)] depth-first, siblings in the model's order."""
    nodes = list(nodes)
    ids = {node.pk for node in nodes}
    children = {}
    for node in nodes:
        parent = node.parent_id if node.parent_id in ids else None
        children.setdefault(parent, []).append(node)
    ordered, stack, seen = [], [(node, 0) for node in reversed(children.get(None, []))], set()
    while stack:
        node, depth = stack.pop()
        if node.pk in seen:
            continue
        seen.add(node.pk)
        ordered.append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(node.pk, [])))
    return ordered


def _subtrees(ordered):
    """{node id: ids of the node and everything under it}, from a depth-first list."""
    subtrees, path = {}, []
    for node, depth in ordered:
        del path[depth:]
        path.append(node.pk)
        for ancestor in path:
            subtrees.setdefault(ancestor, set()).add(node.pk)
    return subtrees


# Counting: one query per facet.


def _count_fields(items, trees):
    subtrees = _subtrees(trees.fields)
    if not subtrees:
        return {}
    aggregates = {
        f"n{pk}": Count(
            "pk", filter=Q(pk__in=NewsFieldOfWork.objects.filter(field__in=ids).values("news"))
        )
        for pk, ids in subtrees.items()
    }
    return {int(key[1:]): n for key, n in items.aggregate(**aggregates).items()}


def _count_structures(items, trees):
    subtrees = _subtrees(trees.structures)
    if not subtrees:
        return {}
    aggregates = {
        f"n{pk}": Count(
            "pk",
            filter=Q(lead_structure__in=ids)
            | Q(pk__in=NewsSupportingStructure.objects.filter(structure__in=ids).values("news")),
        )
        for pk, ids in subtrees.items()
    }
    return {int(key[1:]): n for key, n in items.aggregate(**aggregates).items()}


def _count_countries(items):
    links = NewsCountry.objects.filter(news__in=items.values("pk"))
    by_country = {
        row["country"]: row["n"]
        for row in links.values("country").annotate(n=Count("news")).order_by()
    }
    groups = links.values("country__group").annotate(n=Count("news", distinct=True))
    by_group = {row["country__group"]: row["n"] for row in groups.order_by()}
    return by_country, by_group


def _count_meetings(items):
    links = NewsMeetingSeries.objects.filter(news__in=items.values("pk"))
    rows = links.values("meeting_series").annotate(n=Count("news")).order_by()
    return {row["meeting_series"]: row["n"] for row in rows}


def _count_kinds(items):
    rows = items.values("kind").annotate(n=Count("pk")).order_by()
    return {row["kind"]: row["n"] for row in rows}


def _count_years(items):
    rows = items.annotate(year=ExtractYear("date_issued")).values("year").annotate(n=Count("pk"))
    return {row["year"]: row["n"] for row in rows.order_by()}


def _count_tags(items, chosen_ids):
    """[(id, slug, name, count)]: the chosen tags first, then the most used ones."""
    rows = (
        TaggedNews.objects.filter(content_object__in=items.values("pk"))
        .values("tag", "tag__slug", "tag__name")
        .annotate(n=Count("pk"), chosen=Count("pk", filter=Q(tag__in=chosen_ids)))
        .order_by("-chosen", "-n", "tag__name")[: TAG_LIMIT + len(chosen_ids) + 1]
    )
    return [(row["tag"], row["tag__slug"], row["tag__name"], row["n"]) for row in rows]


def count(filterset, trees):
    """Every facet's counts, each from the results without that facet's own filter."""
    chosen_tags = [tag.pk for tag in filterset.form.cleaned_data.get("tag") or ()]
    by_country, by_group = _count_countries(filterset.without("country"))
    return {
        "field": _count_fields(filterset.without("field"), trees),
        "country": by_country,
        "group": by_group,
        "structure": _count_structures(filterset.without("structure"), trees),
        "kind": _count_kinds(filterset.without("kind")),
        "meeting": _count_meetings(filterset.without("meeting")),
        "tag": _count_tags(filterset.without("tag"), chosen_tags),
        "year": _count_years(filterset.without("year")),
    }


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


def build(filterset, params, trees, counts=None):
    """{facet name: Facet}, in the order the page shows them. Without `counts`, no numbers."""
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
        [
            choice("country", "group", value, value, label)
            for value, label in GROUP_NAMES.items()
        ]
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

    years = list(filterset.queryset.order_by().dates("date_issued", "year", order="DESC"))
    year_values = [day.year for day in years]
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


ACTIVE_ORDER = ("q", "field", "country", "group", "structure", "kind", "meeting", "tag", "year",
                "from", "to")


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
