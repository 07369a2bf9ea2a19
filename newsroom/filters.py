"""The filters of the public news list and its feeds: the URL contract of /news/.

Parameters: the facets' (newsroom/facets.py FACETS: field, country, group, structure, kind,
meeting, event, tag, each may repeat, choices within one are OR; year), from, to (ISO dates), q
(search) and sort. Facets combine with AND; the parameters of one facet (`country` and
`group`, `meeting` and `event`) together form its one choice.

The FilterSet only narrows: the view decides what is visible, newsroom/results.py orders and
pages, newsroom/counting.py counts.
"""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from news import search
from news.models import NewsItem
from newsroom.facets import (
    BY_NAME,
    FACET_OF,
    FACETS,
    OTHERS,
    OTHERS_CHOICES,
    PARAMS,
    RELATION_BY_NAME,
    SEARCHED,
    default_others,
)
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries, name_order

SEARCH_MAX_LENGTH = 200


@dataclass(frozen=True)
class Event:
    """A single meeting as the filters know it: `slug` is its value in the address, unique
    across series (meetings.models.Meeting.key)."""

    pk: int
    slug: str
    name: str

    def __str__(self):
        return self.name


@dataclass
class Trees:
    """The taxonomy terms the filters accept and the facets offer, read once per publication
    state (newsroom/freshness.py) and kept in the cache: five small queries after a change,
    none otherwise."""

    fields: list  # [(field, depth)], depth-first in tree order
    structures: list  # [(structure, depth)]
    countries: list
    meetings: list
    events: list  # [Event]: the meetings with published news, the most recent first

    @classmethod
    def load(cls, state=None):
        """The terms, from the cache when `state` (the publication state) is given."""
        # The key names what Trees holds: one kept before `events` was added, or before the
        # terms had their names in every language, is not read.
        key = state.key("trees", "events", "names") if state is not None else None
        trees = cache.get(key) if key else None
        if trees is None:
            # Each term with its names in every language: str() picks the page's.
            trees = cls(
                fields=FieldOfWork.objects.only(
                    "pk", "name", "names", "slug", "parent_id"
                ).in_tree_order(),
                structures=Structure.objects.only(
                    "pk", "name", "names", "acronym", "acronyms", "slug", "parent_id"
                ).in_tree_order(),
                countries=list(Country.objects.only("pk", "name", "names", "slug", "group")),
                meetings=list(MeetingSeries.objects.only("pk", "name", "names", "slug")),
                events=[Event(*row) for row in Meeting.objects.with_published_news().keys()],
            )
            if key:
                cache.set(key, trees, state.timeout())
        return trees

    def listed(self, name):
        """[(term, depth)] of the terms `name` ("fields", "countries"...), in facet order:
        countries in the alphabetical order of the page's language."""
        terms = getattr(self, name)
        if name == "countries":
            terms = name_order(terms)
        return terms if self.is_tree(name) else [(term, 0) for term in terms]

    def is_tree(self, name):
        return name in ("fields", "structures")

    @cached_property
    def by_slug(self):
        """{terms name: {slug: term}}, each in the order the facets show the terms."""
        names = ("fields", "structures", "countries", "meetings", "events")
        return {name: {term.slug: term for term, _depth in self.listed(name)} for name in names}

    @cached_property
    def subtrees(self):
        """{"fields" or "structures": {id: ids of the term and everything under it}}."""
        return {name: subtrees(getattr(self, name)) for name in ("fields", "structures")}

    def subtree_ids(self, name, terms):
        """Ids of `terms` of tree `name` ("fields" or "structures") and everything under them."""
        return set().union(*(self.subtrees[name][term.pk] for term in terms))


def subtrees(ordered):
    """{node id: ids of the node and everything under it}, from a depth-first list."""
    found, path = {}, []
    for node, depth in ordered:
        del path[depth:]
        path.append(node.pk)
        for ancestor in path:
            found.setdefault(ancestor, set()).add(node.pk)
    return found


class TermsField(forms.MultipleChoiceField):
    """Slugs of taxonomy terms, checked against terms already read (Trees): no query.

    Cleans to the chosen terms, in the order the facet shows them.
    """

    def __init__(self, *, terms=None, **kwargs):
        self.terms = terms or {}
        super().__init__(**kwargs)

    def valid_value(self, value):
        return value in self.terms

    def clean(self, value):
        chosen = set(super().clean(value))
        return [term for slug, term in self.terms.items() if slug in chosen]


class FacetOptions:
    """For a facet's widget: each option carries its Choice (count, link, depth, whether it
    is available), set by facets.build() in `shown`, and the Choice's id."""

    shown = None  # {value: Choice}
    leading = ()  # choices before the facet's own

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["choice"] = choice = (self.shown or {}).get(str(value))
        if choice is not None:
            option["attrs"]["id"] = choice.html_id
        return option


class FacetCheckboxes(FacetOptions, forms.CheckboxSelectMultiple):
    pass


class FacetSelect(FacetOptions, forms.Select):
    leading = (("", _("Any year")),)


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        # An invalid value is shown as given, cut short.
        return Truncator(super().format_value(value) or "").chars(10)


class TermsFilter(django_filters.Filter):
    field_class = TermsField


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


def publicly_used(param):
    """The terms of `param` (a Param with a model) that published items use, now: the
    others are on no public page, and the filter does not know them."""
    relation = RELATION_BY_NAME[FACET_OF[param.name].source(param)]
    used = relation.link.objects.filter(
        **{relation.term_key: OuterRef("pk")},
        **{f"{relation.news_key}__in": NewsItem.objects.published()},
    )
    return param.model.objects.filter(Exists(used))


def facet_filter(param, widget):
    """The filter of one parameter of the table of facets."""
    options = {
        "label": param.label,
        "method": "filter_facet",
        "widget": widget,
        "error_messages": {"invalid_choice": param.invalid},
    }
    if param.terms:
        return TermsFilter(**options)
    if param.choices:
        return django_filters.MultipleChoiceFilter(choices=param.choices, **options)
    if param.model:  # its queryset is set by NewsFilter (publicly_used())
        return django_filters.ModelMultipleChoiceFilter(
            queryset=param.model.objects.none(), to_field_name="slug", **options
        )
    message = param.invalid
    options["error_messages"] = {"invalid": message, "min_value": message, "max_value": message}
    return YearFilter(min_value=param.years.start, max_value=param.years.stop - 1, **options)


class Sort:
    """The orders of the list (newsroom/results.py orders by them)."""

    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"
    CHOICES = [
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (RELEVANCE, _("Most relevant first")),
    ]


class OthersField(forms.ChoiceField):
    """Whether other languages' items are shown: the radios offer the default as the empty
    value, but its own name is valid too (an address written by hand or by a feed reader)."""

    def valid_value(self, value):
        return value in ("", *dict(OTHERS_CHOICES))


class NewsFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="news-%s", **kwargs)
        # The organisation's choice of other languages is the empty value, as the default
        # sort is: a list sent with it unchanged has no `others` in its address.
        default, labels = default_others(), dict(OTHERS_CHOICES)
        self.fields[OTHERS].choices = [
            ("", labels[default]),
            *((value, label) for value, label in OTHERS_CHOICES if value != default),
        ]

    others = OthersField(
        label=_("Items in other languages"),
        help_text=_("Items with no translation in this language, shown in their own."),
        choices=OTHERS_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not a choice of languages.")},
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=Sort.CHOICES,
        required=False,
        error_messages={"invalid_choice": _("“%(value)s” is not a way to sort news.")},
    )

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("from"), cleaned_data.get("to")
        if start and end and end < start:
            self.add_error(
                "to",
                _("The end date (%(end)s) is before the start date (%(start)s).")
                % {"end": end.isoformat(), "start": start.isoformat()},
            )
        sort = cleaned_data.get("sort")
        if sort == Sort.RELEVANCE and not cleaned_data.get("q"):
            # Relevance means nothing without a search: fall back to the default quietly.
            sort = ""
        cleaned_data["sort"] = sort or (Sort.RELEVANCE if cleaned_data.get("q") else Sort.NEWEST)
        return cleaned_data

    @property
    def dates(self):
        """The fields shown under "Date issued": the select facets' (year), from and to."""
        selects = [param.name for f in FACETS if f.widget == "select" for param in f.params]
        return [self[name] for name in [*selects, "from", "to"]]

    @property
    def dates_open(self):
        """Whether "Date issued" is shown open: a date is given, or is wrong."""
        return any(self.data.get(field.name) or field.errors for field in self.dates)


class NewsFilter(django_filters.FilterSet):
    """Narrows a queryset of published items; the view decides what is visible."""

    q = django_filters.CharFilter(
        label=_("Search news"),
        help_text=_("Words in the title, lede or text. Use quotes for a phrase."),
        method="filter_search",
        widget=forms.SearchInput,
        max_length=SEARCH_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "A search can be at most %(limit_value)d characters long; "
                "this one has %(show_value)d."
            )
        },
    )
    # "from" is a Python keyword, hence the two assignments through vars().
    vars()["from"] = django_filters.DateFilter(
        label=_("From"),
        field_name="date_issued",
        lookup_expr="gte",
        input_formats=["%Y-%m-%d"],
        widget=DateInput,
        error_messages={"invalid": _("Give the start date as YYYY-MM-DD, e.g. 2024-01-31.")},
    )
    vars()["to"] = django_filters.DateFilter(
        label=_("To"),
        field_name="date_issued",
        lookup_expr="lte",
        input_formats=["%Y-%m-%d"],
        widget=DateInput,
        error_messages={"invalid": _("Give the end date as YYYY-MM-DD, e.g. 2024-12-31.")},
    )

    class Meta:
        model = NewsItem
        fields = []
        form = NewsFilterForm

    # With no language chosen: items in every language (the API), not the page's language's.
    every_language = False

    @classmethod
    def get_filters(cls):
        """The declared filters and one for each parameter of the table of facets."""
        widgets = {"checkboxes": FacetCheckboxes, "select": FacetSelect}
        declared = super().get_filters()
        filters = {"q": declared.pop("q")}  # in the order of the form: its errors' order
        for facet in FACETS:
            for param in facet.params:
                filters[param.name] = facet_filter(param, widgets[facet.widget])
                filters[param.name].field_name = param.name
        return {**filters, **declared}

    def __init__(self, data=None, *args, trees=None, **kwargs):
        if data is not None:
            # Empty values of the repeatable parameters (e.g. "?country=") select nothing.
            data = data.copy()
            for name, param in PARAMS.items():
                if param.repeats and name in data:
                    data.setlist(name, [value for value in data.getlist(name) if value != ""])
        super().__init__(data, *args, **kwargs)
        self.trees = trees or Trees.load()
        for name, param in PARAMS.items():
            if param.terms:
                self.filters[name].extra["terms"] = self.trees.by_slug[param.terms]
            elif param.model:
                self.filters[name].queryset = publicly_used(param)

    # The narrowing.

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_facet(self, queryset, name, value):
        """What the choices of the facet of parameter `name` keep (all its parameters)."""
        facet = FACET_OF[name]
        chosen = self.chosen_values(facet)
        if facet.narrowed == "column":
            values = chosen[facet.source()]
            return queryset.filter(**{facet.lookup: values if facet.params[0].repeats else value})
        if facet.narrowed == "issued_by":
            return queryset.issued_by(value, ids=chosen[facet.source()])
        # Items linked to any of the chosen terms, in any of the facet's relations.
        linked = Q()
        for source, ids in chosen.items():
            if ids:
                relation = RELATION_BY_NAME[source]
                links = relation.link.objects.filter(
                    **{relation.news_key: OuterRef("pk"), f"{relation.term_key}__in": ids}
                )
                linked |= Q(Exists(links))
        return queryset.filter(linked) if linked else queryset.none()

    def chosen_values(self, facet):
        """{source: values}: what the choices made in `facet` select, from each source of its
        values (Facet.source()), as the index (newsroom/index.py) knows them: term ids, a
        tree term with everything under it and a group with its members, or the column's
        values."""
        data = self.form.cleaned_data
        if facet.narrowed == "column":
            value = data.get(facet.params[0].name)
            return {facet.source(): list(value) if facet.params[0].repeats else [value]}
        if facet.narrowed == "issued_by":
            chosen = data.get(facet.params[0].name) or ()
            return {facet.source(): self.trees.subtree_ids("structures", chosen)}
        found = {}
        for param in facet.params:
            ids = found.setdefault(facet.source(param), set())
            chosen = data.get(param.name) or ()
            if param.groups:
                members = getattr(self.trees, param.groups)
                ids.update(term.pk for term in members if term.group in chosen)
            elif param.terms and self.trees.is_tree(param.terms):
                ids.update(self.trees.subtree_ids(param.terms, chosen))
            else:
                ids.update(term.pk for term in chosen)
        return found

    def filter_queryset(self, queryset, without=None):
        """Apply every valid filter, except those of the facet `without`: each facet once."""
        for name in self.chosen(without):
            queryset = queryset & self._narrowing(name)
        return queryset

    def chosen(self, without=None):
        """The names of the valid filters with a value, one per facet, except `without`'s."""
        names = {}
        for name, value in self.form.cleaned_data.items():
            facet = FACET_OF.get(name)
            # An empty choice (an empty list, or none() from a model choice field) is no filter.
            if hasattr(value, "query") and value.query.is_empty():
                continue  # none(), told without compiling it
            if name in self.filters and value and (facet is None or facet.name != without):
                names.setdefault(facet.name if facet else name, name)
        return sorted(names.values())

    def _narrowing(self, name):
        """What filter `name` keeps, built once: the facet counts apply each filter several
        times, and a tree filter reads the whole tree each time it is built."""
        if not hasattr(self, "_narrowings"):
            self._narrowings = {}
        if name not in self._narrowings:
            everything = self._meta.model._default_manager.all()
            self._narrowings[name] = self.filters[name].filter(
                everything, self.form.cleaned_data[name]
            )
        return self._narrowings[name]

    def without(self, facet):
        """The results as they would be with no choice made in `facet` (for its counts)."""
        return self.filter_queryset(self.queryset.all(), without=facet)

    def signature(self, without=None):
        """The valid filters applied, except those of the facet `without`, as a hashable
        value: equal for URLs that select the same items (for cache keys)."""
        skipped = {param.name for param in BY_NAME[without].params} if without else ()
        parts = []
        for name, value in sorted(self.form.cleaned_data.items()):
            if name not in self.filters or name in skipped or not value:
                continue
            if isinstance(value, list | tuple) or hasattr(value, "model"):
                value = tuple(sorted(str(getattr(item, "pk", item)) for item in value))
            parts.append((name, str(value) if not isinstance(value, tuple) else value))
        return tuple(parts)

    @property
    def search_text(self):
        return self.form.cleaned_data.get("q", "")

    @property
    def sort(self):
        return self.form.cleaned_data.get("sort") or Sort.NEWEST

    def summary(self):
        """The active filters in words, e.g. for a feed title: ["Media freedom", "2024"]."""
        data = self.form.cleaned_data
        parts = []
        for name, param in PARAMS.items():
            values = data.get(name)
            if param.choices:
                labels = dict(param.choices)
                parts.extend(str(labels[value]) for value in values or ())
            elif param.repeats:
                parts.extend(str(term) for term in values or ())
            elif values:
                parts.append(str(values))
        if data.get("from"):
            parts.append(str(_("from %(date)s") % {"date": data["from"].isoformat()}))
        if data.get("to"):
            parts.append(str(_("to %(date)s") % {"date": data["to"].isoformat()}))
        if data.get("q"):
            parts.append(str(SEARCHED % {"words": data["q"]}))
        return parts
