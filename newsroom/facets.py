"""The facets of /news/, declared once in FACETS, and the choices they offer a visitor.

Each row names a facet's URL parameters, their labels, what they choose among, how the
facet narrows the items and how each parameter is counted. The FilterSet makes its filters
from it (newsroom/filters.py), the counting its query (newsroom/counting.py), and the list
its form and active filters (newsroom/lists.py, templates/newsroom/list.html). Adding a
facet is a row here, plus its counting rule if none of counting.RULES fits.

A choice's count is the number of published items the choice alone gives with every other
active filter (and the search) applied; its `url` is that very view, so the number shown is
the number of results its link gives. A facet's own choices do not narrow its counts
(disjunctive faceting, as on GOV.UK and ReliefWeb).
"""

from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote_plus

from django.db.models.functions import ExtractYear
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real

from meetings.models import MeetingNews
from news.models import RELATION_BY_NAME as ITEM_RELATIONS
from news.models import NewsItem, Relation, Tag
from taxonomy.models import Country

# The tag facet shows the most used tags of the current results, and the chosen ones.
TAG_LIMIT = 20
# The source of the structure facet's values: the lead and supporting issuers.
ISSUERS = "issuers"
# The meeting facet offers the most recent meetings with published news, and the chosen ones.
EVENT_LIMIT = 20

# The relations the facets follow: the item's own (news.models.RELATIONS), and the link
# tables other apps keep of items (news imports none of them), read by the index, the
# filters and the invalidation alike.
RELATION_BY_NAME = {
    **ITEM_RELATIONS,
    "meetings": Relation("meetings", MeetingNews, "news", "meeting"),
}

# The country facet's groups, named as a visitor would choose them.
GROUP_NAMES = {
    Country.Group.PARTICIPATING_STATE: _("Participating States"),
    Country.Group.ASIAN_PARTNER: _("Asian Partners for Co-operation"),
    Country.Group.MEDITERRANEAN_PARTNER: _("Mediterranean Partners for Co-operation"),
}


@dataclass(frozen=True)
class Param:
    """One URL parameter of a facet. It chooses among exactly one of: `terms` (a list of
    taxonomy terms read once per publication state, newsroom/filters.py Trees, chosen by
    slug), `choices` (fixed values), `model` (rows chosen by slug) or `years`."""

    name: str
    label: str  # what the active filters call it
    invalid: str  # the message for a value that is not one of its choices
    counted: str  # its counting rule, one of counting.RULES
    terms: str = ""  # the Trees attribute: "fields"
    choices: tuple = ()  # ((value, label), ...)
    model: type | None = None
    years: range | None = None
    groups: str = ""  # with group `choices`: each chooses its members among these Trees terms
    repeats: bool = True  # several values, each a choice (OR)
    relation: str = ""  # "linked": the relation its values follow, if not its facet's
    limit: int = 0  # with `terms`: the most offered (the first ones), besides the chosen ones
    limited: str = ""  # with `limit`: the note telling which are offered, when not all are


@dataclass(frozen=True)
class Facet:
    """A facet: choices made in it narrow the items together, and never its own counts."""

    name: str  # also its element's id: facet-<name>
    label: str  # its legend
    params: tuple  # (Param, ...), in the order of the URL, the summary and active filters
    narrowed: str  # how a choice narrows the items: "linked", "issued_by" or "column"
    relation: str = ""  # "linked": the item's relation (news.models.RELATIONS) it follows
    column: str = ""  # "column": its name in the counted items, e.g. "kind"
    expression: object = None  # "column": what it holds, if not the item's field `column`
    lookup: str = ""  # "column": the lookup that narrows the items, e.g. "kind__in"
    widget: str = "checkboxes"  # or "select", shown with the dates
    first: str = ""  # the parameter whose choices are shown first, if not the first one

    @property
    def shown_params(self):
        return sorted(self.params, key=lambda param: param.name != self.first)

    def source(self, param=None):
        """Where the index (newsroom/index.py) reads the values of `param` (default: the
        facet's own): a relation's name, "issuers" or the column."""
        if self.narrowed == "issued_by":
            return ISSUERS
        if self.narrowed == "column":
            return self.column
        return (param.relation if param is not None else "") or self.relation


FACETS = (
    Facet(
        "field",
        _("Field of work"),
        (
            Param(
                "field",
                _("Field of work"),
                _("There is no field of work “%(value)s”."),
                counted="links",
                terms="fields",
            ),
        ),
        narrowed="linked",
        relation="fields_of_work",
    ),
    Facet(
        "country",
        _("Country"),
        (
            Param(
                "country",
                _("Country"),
                _("There is no country “%(value)s”."),
                counted="links",
                terms="countries",
            ),
            Param(
                "group",
                _("Countries"),
                _("There is no group of countries “%(value)s”."),
                counted="groups",
                choices=tuple(GROUP_NAMES.items()),
                groups="countries",
            ),
        ),
        narrowed="linked",
        relation="countries",
        first="group",
    ),
    Facet(
        "structure",
        _("Issued by"),
        (
            Param(
                "structure",
                _("Issued by"),
                _("There is no structure “%(value)s”."),
                counted="issuers",
                terms="structures",
            ),
        ),
        narrowed="issued_by",
    ),
    Facet(
        "kind",
        _("Kind"),
        (
            Param(
                "kind",
                _("Kind"),
                _("There is no kind of news “%(value)s”."),
                counted="column",
                choices=tuple(NewsItem.Kind.choices),
            ),
        ),
        narrowed="column",
        column="kind",
        lookup="kind__in",
    ),
    Facet(
        "meeting",
        _("Meeting or conference"),
        (
            Param(
                "meeting",
                _("Meeting series"),
                _("There is no meeting series “%(value)s”."),
                counted="links",
                terms="meetings",
            ),
            # One dated meeting: "<series slug>~<meeting slug>" (meetings.models.Meeting.key).
            Param(
                "event",
                _("Meeting"),
                _("There is no meeting “%(value)s” with published news."),
                counted="links",
                terms="events",
                relation="meetings",
                limit=EVENT_LIMIT,
                limited=_("The %(limit)d most recent meetings with published news."),
            ),
        ),
        narrowed="linked",
        relation="meeting_series",
    ),
    Facet(
        "tag",
        _("Tag"),
        (Param("tag", _("Tag"), _("There is no tag “%(value)s”."), "most_used", model=Tag),),
        narrowed="linked",
        relation="tags",
    ),
    Facet(
        "year",
        _("Year"),
        (
            Param(
                "year",
                _("Year"),
                _("A year is four digits, for example 2024."),
                counted="column",
                years=range(1000, 10000),
                repeats=False,
            ),
        ),
        narrowed="column",
        column="year",
        expression=ExtractYear("date_issued"),
        lookup="date_issued__year",
        widget="select",
    ),
)
BY_NAME = {facet.name: facet for facet in FACETS}
PARAMS = {param.name: param for facet in FACETS for param in facet.params}
FACET_OF = {param.name: facet for facet in FACETS for param in facet.params}


# The choices offered, for the template.


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

    def link_label(self, catalog):
        """What the count's link says to a screen reader, translated by `catalog`."""
        return catalog.ngettext(
            "%(count)d item: show only %(label)s",
            "%(count)d items: show only %(label)s",
            self.count or 0,
        ) % {"count": self.count or 0, "label": self.label}


@dataclass
class Shown:
    """A facet as the page shows it: its choices, and its fields of the filter form."""

    name: str
    label: str
    widget: str
    choices: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # bound fields, in the order shown
    note: str = ""

    @property
    def selected(self):
        return [choice for choice in self.choices if choice.selected]

    @property
    def errors(self):
        return [error for bound in self.fields for error in bound.errors]

    def choices_html(self):
        """Its choices as the list items of the facet's checkboxes (newsroom/includes/
        facet.html): made here, in one pass, because a facet may offer a hundred choices
        and the template language takes a millisecond for ten."""
        catalog = _Catalog(trans_real.catalog())  # the active language's, looked up once
        items = "\n".join(_choice_html(choice, catalog) for choice in self.choices)
        return mark_safe(items)  # every value escaped in _choice_html


class _Catalog:
    """A translation catalogue that translates each text, and each plural form by number,
    once: a facet's hundred counts ask for a few of them again and again."""

    def __init__(self, catalog):
        self.catalog, self.texts = catalog, {}

    def gettext(self, text):
        if text not in self.texts:
            self.texts[text] = self.catalog.gettext(text)
        return self.texts[text]

    def ngettext(self, singular, plural, number):
        # The same text for every number of the same plural form (the language's rule).
        form = getattr(self.catalog, "plural", None)
        key = (singular, form(number) if form else number)
        if key not in self.texts:
            self.texts[key] = self.catalog.ngettext(singular, plural, number)
        return self.texts[key]


def _choice_html(choice, catalog):
    """One choice: its checkbox, its label, and its count linking to the choice alone.
    Every value is escaped here (html.escape, quotes included)."""
    if choice.count is None:
        count = ""
    elif choice.count:
        count = (
            f'<a class="facet-count" href="{escape(choice.url)}" '
            f'aria-label="{escape(choice.link_label(catalog))}">{choice.count:d}</a>'
        )
    else:
        hidden = escape(catalog.gettext("items"))
        count = f'<span class="facet-count">0<span class="visually-hidden"> {hidden}</span></span>'
    html_id = escape(choice.html_id)
    empty = "" if choice.available else " is-empty"
    return (
        f'<li class="facet-choice depth-{choice.depth:d}{empty}">\n'
        f'<input type="checkbox" name="{escape(choice.param)}" value="{escape(choice.value)}" '
        f'id="{html_id}"{" checked" if choice.selected else ""}'
        f"{'' if choice.available else ' disabled'}>\n"
        f'<label for="{html_id}">{escape(choice.label)}</label>\n{count}\n</li>'
    )


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


def offered(param, trees, counts, chosen, span):
    """[(key in the counts, value, label, depth)] a parameter offers, in order, and a note."""
    if param.terms:
        listed = trees.listed(param.terms)
        note = ""
        if param.limit and len(listed) > param.limit:  # the first ones, and the chosen ones
            chosen_ids = {term.pk for term in chosen or ()}
            first = listed[: param.limit]
            listed = first + [(t, d) for t, d in listed[param.limit :] if t.pk in chosen_ids]
            note = param.limited % {"limit": param.limit}
        return [(term.pk, term.slug, str(term), depth) for term, depth in listed], note
    if param.choices:
        return [(value, value, label, 0) for value, label in param.choices], ""
    if param.model:  # the chosen ones, then the most used in the results (there may be many)
        chosen = [(term.pk, term.slug, str(term), 0) for term in chosen or ()]
        chosen_ids = {pk for pk, _slug, _label, _depth in chosen}
        rows = counts[param.name] if counts is not None else []
        others = [(pk, slug, label, 0) for pk, slug, label, _n in rows if pk not in chosen_ids]
        note = ""
        if len(others) > TAG_LIMIT:
            note = _("The %(limit)d most used tags in these results.") % {"limit": TAG_LIMIT}
        return chosen + others[:TAG_LIMIT], note
    # Years: from the last to the first year of all published news, and a chosen other one.
    first, last = span
    years = list(range(last, first - 1, -1)) if first and last else []
    if chosen and chosen not in years:
        years = sorted([*years, chosen], reverse=True)
    return [(year, year, year, 0) for year in years], ""


def build(filterset, params, counts=None, span=(None, None)):
    """{facet name: Shown}, in the order of FACETS. Without `counts`, no numbers.

    The years offered run from the first to the last year of all published news (`span`,
    else counts["span"]). The facets' fields of the filter form get the choices to show.
    """
    if counts is not None:
        span = counts["span"]
    data = getattr(filterset.form, "cleaned_data", {})
    shown = {}
    for facet in FACETS:
        shown[facet.name] = facet_shown = Shown(facet.name, facet.label, facet.widget)
        for param in facet.shown_params:
            pairs, note = offered(param, filterset.trees, counts, data.get(param.name), span)
            numbers = _numbers(param, counts)
            only = _only(params, facet, param)
            chosen = set(params.getlist(param.name))
            choices = [
                Choice(
                    param=param.name,
                    value=str(value),
                    label=str(label),
                    count=None if numbers is None else numbers.get(key, 0),
                    selected=str(value) in chosen,
                    url=only(value),
                    depth=depth,
                )
                for key, value, label, depth in pairs
            ]
            facet_shown.choices.extend(choices)
            facet_shown.note = facet_shown.note or note
            facet_shown.fields.append(_bound(filterset.form, param.name, choices))
    return shown


def _numbers(param, counts):
    """{key: count} of `param`'s choices; None without counts."""
    if counts is None:
        return None
    if param.model:
        return {pk: n for pk, _slug, _label, n in counts[param.name]}
    return counts[param.name]


# Stands for a value in an encoded address: urlencode() writes a NUL byte as %00, and a %00
# anywhere else in the address (a value with that text) as %2500.
_VALUE = "\x00"


def _only(params, facet, param):
    """A function of a value: the current view with that value as the only choice of
    `facet`. The address is encoded once, with a stand-in for the value."""
    changes = dict.fromkeys(other.name for other in facet.params)
    changes[param.name] = [_VALUE]
    before, after = url_with(params, **changes).split("%00", 1)
    return lambda value: f"{before}{quote_plus(str(value))}{after}"


def _bound(form, name, choices):
    """The bound field of `name`, its widget offering `choices`."""
    widget = form.fields[name].widget
    widget.choices = [*widget.leading, *((choice.value, choice.label) for choice in choices)]
    widget.shown = {choice.value: choice for choice in choices}
    return form[name]


# The filters in the address, for the template.


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_url: str
    invalid: bool = False


def control_id(name):
    """The id of the element of the filter form where parameter `name` is chosen."""
    facet = FACET_OF.get(name)
    if facet is not None and facet.widget == "checkboxes":
        return f"facet-{facet.name}"
    return f"news-{name}"


def error_summary(filterset):
    """[(link to the control, message)] for every invalid parameter."""
    return [
        (f"#{control_id(name)}", error)
        for name, errors in filterset.form.errors.items()
        for error in errors
    ]


def active_filters(filterset, params, shown):
    """Each value of every filter in the URL, with a link that removes just that value: the
    search first, then the facets, then the dates."""
    errors = filterset.form.errors
    known = {
        (choice.param, choice.value): choice.label
        for facet in shown.values()
        for choice in facet.choices
    }
    names = {"q": _("Search"), **{name: param.label for name, param in PARAMS.items()}}
    names.update({name: filterset.form.fields[name].label for name in ("from", "to")})
    active = []
    for name, label in names.items():
        values = list(dict.fromkeys(params.getlist(name)))
        for value in values:
            if not value.strip():
                continue
            text = known.get((name, value))
            invalid = name in errors and text is None
            if text is None:
                text = Truncator(value).chars(60)
            if name == "q":
                text = f"“{text}”"
            changes = {name: [other for other in values if other != value]}
            if name == "q" and params.get("sort") == "relevance":
                changes["sort"] = None
            active.append(
                ActiveFilter(str(label), text, url_with(params, **changes), invalid=invalid)
            )
    return active
