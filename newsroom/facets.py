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
from urllib.parse import urlencode

from django.conf import settings
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, trans_real

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
    # The language an item is written in. With no language chosen, a list shows the page's
    # language and, unless the visitor or the organisation (settings.
    # NEWS_INCLUDE_OTHER_LANGUAGES) chooses otherwise, the items with no translation in it
    # (newsroom/counting.py Selection, newsroom/index.py scope()).
    Facet(
        "language",
        _("Language"),
        (
            Param(
                "language",
                _("Language"),
                _("There is no language “%(value)s”."),
                counted="column",
                choices=tuple(settings.NEWS_LANGUAGES),
            ),
        ),
        narrowed="column",
        column="language",
        lookup="language__in",
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
    depth: int = 0

    @property
    def available(self):
        """False for a choice that would give nothing (and is not chosen)."""
        return self.selected or self.count is None or self.count > 0

    @property
    def html_id(self):
        return f"facet-{self.param}-{self.value}"


# A parameter offering more choices than LONG shows the chosen ones and the MOST_USED others
# (by count), and the rest under "Show all": no list scrolls inside a box of its own.
LONG = 12
MOST_USED = 8
SHOW_ALL = {
    "field": ngettext_lazy(
        "Show all %(count)d field of work", "Show all %(count)d fields of work", "count"
    ),
    "country": ngettext_lazy("Show all %(count)d country", "Show all %(count)d countries", "count"),
    "structure": ngettext_lazy(
        "Show all %(count)d structure", "Show all %(count)d structures", "count"
    ),
    "meeting": ngettext_lazy(
        "Show all %(count)d meeting series", "Show all %(count)d meeting series", "count"
    ),
    "event": ngettext_lazy("Show all %(count)d meeting", "Show all %(count)d meetings", "count"),
    "tag": ngettext_lazy("Show all %(count)d tag", "Show all %(count)d tags", "count"),
    "language": ngettext_lazy(
        "Show all %(count)d language", "Show all %(count)d languages", "count"
    ),
}
SHOW_ALL_OTHERS = ngettext_lazy("Show all %(count)d choice", "Show all %(count)d choices", "count")
# The words searched for, quoted as the page's language quotes (“…”, «…», „…“).
SEARCHED = _("“%(words)s”")
# The facets with a type-to-find box (added by static/js/filters.js), and its label.
FIND_LABELS = {"country": _("Find a country"), "structure": _("Find a structure")}


def folded(choices):
    """(shown first, the rest) of one parameter's `choices`: all of them when there are few;
    else the chosen ones, then the most used (by count), and the rest in their own order."""
    if len(choices) <= LONG:
        return choices, []
    chosen = [choice for choice in choices if choice.selected]
    others = [choice for choice in choices if not choice.selected]
    if all(choice.count is not None for choice in others):
        # sorted() keeps the facet's own order among equal counts.
        used = [choice for choice in others if choice.count]
        most = sorted(used, key=lambda choice: -choice.count)[:MOST_USED]
    else:
        most = others[:MOST_USED]
    first = {id(choice) for choice in chosen + most}
    return chosen + most, [choice for choice in choices if id(choice) not in first]


@dataclass
class Shown:
    """A facet as the page shows it: its choices, and its fields of the filter form."""

    name: str
    label: str
    widget: str
    choices: list = field(default_factory=list)
    fields: list = field(default_factory=list)  # bound fields, in the order shown
    note: str = ""
    after: object = None  # a bound field shown after the choices (the language facet's others)

    @property
    def selected(self):
        return [choice for choice in self.choices if choice.selected]

    @property
    def errors(self):
        return [error for bound in self.fields for error in bound.errors]

    @property
    def find_label(self):
        return FIND_LABELS.get(self.name, "")

    def choices_html(self):
        """Its choices as lists of checkboxes (newsroom/includes/facet.html), one list for
        each parameter, a long one folded (folded()) with its rest under "Show all": made
        here, in one pass, because a facet may offer a hundred choices and the template
        language takes a millisecond for ten."""
        catalog = _Catalog(trans_real.catalog())  # the active language's, looked up once
        separator = formats.get_format("THOUSAND_SEPARATOR")
        by_param = {}
        for choice in self.choices:
            by_param.setdefault(choice.param, []).append(choice)
        parts = []
        for param, choices in by_param.items():
            first, rest = folded(choices)
            items = "\n".join(_choice_html(choice, catalog, separator) for choice in first)
            parts.append(f'<ul class="facet-choices">\n{items}\n</ul>')
            if rest:
                label = SHOW_ALL.get(param, SHOW_ALL_OTHERS) % {"count": len(choices)}
                items = "\n".join(_choice_html(choice, catalog, separator) for choice in rest)
                parts.append(
                    f'<details class="facet-more" id="facet-more-{escape(param)}">\n'
                    f"<summary>{escape(str(label))}</summary>\n"
                    f'<ul class="facet-choices">\n{items}\n</ul>\n</details>'
                )
        return mark_safe("\n".join(parts))  # every value escaped here and in _choice_html


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


def grouped(number, separator=","):
    """`number` with its thousands separated ("4,500"), by the language's separator."""
    return f"{number:,d}".replace(",", separator) if number >= 1000 else f"{number:d}"


def _choice_html(choice, catalog, separator=","):
    """One choice: one control, its checkbox with its label, and its count as plain text
    that describes the checkbox. Every value is escaped here (html.escape, quotes included)."""
    html_id = escape(choice.html_id)
    if choice.count is None:
        count = described = ""
    else:
        words = escape(catalog.ngettext("item", "items", choice.count))
        number = grouped(choice.count, separator)
        count = (
            f'\n<span class="facet-count" id="{html_id}-count">'
            f'{number}<span class="visually-hidden"> {words}</span></span>'
        )
        described = f' aria-describedby="{html_id}-count"'
    empty = "" if choice.available else " is-empty"
    return (
        f'<li class="facet-choice depth-{choice.depth:d}{empty}">\n'
        f'<input type="checkbox" name="{escape(choice.param)}" value="{escape(choice.value)}" '
        f'id="{html_id}"{" checked" if choice.selected else ""}'
        f"{'' if choice.available else ' disabled'}{described}>\n"
        f'<label for="{html_id}">{escape(choice.label)}</label>{count}\n</li>'
    )


# The addresses of the list. Every address the site makes of /news/ and its feeds is made
# here: without empty parameters, each value once, in one order (order()), so that a view has
# one address (newsroom/lists.py answers any other with a redirect to it).


# Whether a list with no language chosen also shows the items that have no translation in
# the page's language ("include"), or not ("exclude"); its default is the organisation's
# (default_others()), which no address writes.
OTHERS = "others"
OTHERS_CHOICES = (("include", _("Shown, in their language")), ("exclude", _("Not shown")))


def default_others():
    return "include" if settings.NEWS_INCLUDE_OTHER_LANGUAGES else "exclude"


def order():
    """The list's parameters in the order of its addresses: the search, the facets' (in the
    order of FACETS), whether other languages are shown, the dates, the sort and the page."""
    return ("q", *PARAMS, OTHERS, "from", "to", "sort", "page")


def pairs(params, **changes):
    """[(name, value)] of the list's address for `params` (a QueryDict) with `changes`
    ({name: [values] or None}): known parameters only, in order(), values sorted, no empty or
    repeated value, no sort that is the default one, no page 1."""
    found = []
    for name in order():
        values = changes[name] if name in changes else params.getlist(name)
        values = sorted({str(value) for value in values or () if str(value).strip()})
        found.extend((name, value) for value in values)
    names = {name for name, _value in found}
    if "sort" in names:
        searched = "q" in names
        # By relevance is the default of a search, and means the newest first without one.
        default = {"relevance", "newest"} if not searched else {"relevance"}
        found = [(name, value) for name, value in found if name != "sort" or value not in default]
    dropped = {("page", "1"), (OTHERS, default_others())}
    return [(name, value) for name, value in found if (name, value) not in dropped]


def query(params, **changes):
    """The query string ("?…", or "" when there is none) of `params` with `changes`, page
    included: see pairs()."""
    found = pairs(params, **changes)
    return "?" + urlencode(found) if found else ""


def url_with(params, **changes):
    """The query string of `params` with `changes`, without `page` (another view starts at
    its first page)."""
    return query(params, **{"page": None, **changes})


def list_url(params, **changes):
    """The address of the list of `params` with `changes`, without `page`."""
    return reverse("news:list") + url_with(params, **changes)


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
        offered = param.choices
        if param.name == "language" and counts is not None:
            # Of the many languages items may be in, those with items here, and the chosen.
            numbers, chosen = counts[param.name], set(chosen or ())
            offered = [(v, label) for v, label in offered if numbers.get(v) or v in chosen]
        return [(value, value, label, 0) for value, label in offered], ""
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
            chosen = set(params.getlist(param.name))
            choices = [
                Choice(
                    param=param.name,
                    value=str(value),
                    label=str(label),
                    count=None if numbers is None else numbers.get(key, 0),
                    selected=str(value) in chosen,
                    depth=depth,
                )
                for key, value, label, depth in pairs
            ]
            facet_shown.choices.extend(choices)
            facet_shown.note = facet_shown.note or note
            facet_shown.fields.append(_bound(filterset.form, param.name, choices))
    shown["language"].after = filterset.form[OTHERS]
    return shown


def _numbers(param, counts):
    """{key: count} of `param`'s choices; None without counts."""
    if counts is None:
        return None
    if param.model:
        return {pk: n for pk, _slug, _label, n in counts[param.name]}
    return counts[param.name]


def alone(params, name, value):
    """The address of the view of `params` with `value` as the only choice of its facet (of
    parameter `name`): the view whose number of results a choice's count is."""
    changes = dict.fromkeys(other.name for other in FACET_OF[name].params)
    changes[name] = [value]
    return list_url(params, **changes)


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
    names.update({name: filterset.form.fields[name].label for name in (OTHERS, "from", "to")})
    active = []
    for name, label in names.items():
        values = list(dict.fromkeys(params.getlist(name)))
        for value in values:
            if not value.strip():
                continue
            text = known.get((name, value))
            if name == OTHERS:
                if value == default_others():
                    continue  # the default, which no address writes
                text = dict(OTHERS_CHOICES).get(value)
            invalid = name in errors and text is None
            if text is None:
                text = Truncator(value).chars(60)
            if name == "q":
                text = str(SEARCHED % {"words": text})
            changes = {name: [other for other in values if other != value]}
            if name == "q" and params.get("sort") == "relevance":
                changes["sort"] = None
            active.append(
                ActiveFilter(str(label), text, list_url(params, **changes), invalid=invalid)
            )
    return active
