"""The filters of the public news list and its feeds: the URL contract of /news/.

Parameters: field, country, group, structure, kind, meeting, tag (each may repeat; choices
within one are OR), year, from, to (ISO dates), q (search) and sort. Filters combine with AND,
except `country` and `group`, which together form the one country facet.
"""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from news import search
from news.models import NewsCountry, NewsItem, NewsMeetingSeries, Tag, TaggedNews
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

SEARCH_MAX_LENGTH = 200

# Which query parameters make up each facet: a facet's counts ignore its own parameters.
FACET_PARAMETERS = {
    "field": ("field",),
    "country": ("country", "group"),
    "structure": ("structure",),
    "kind": ("kind",),
    "meeting": ("meeting",),
    "tag": ("tag",),
    "year": ("year",),
}
MULTIPLE_PARAMETERS = ("field", "country", "group", "structure", "kind", "meeting", "tag")


# The country facet's groups, named as a visitor would choose them.
GROUP_NAMES = {
    Country.Group.PARTICIPATING_STATE: _("Participating States"),
    Country.Group.ASIAN_PARTNER: _("Asian Partners for Co-operation"),
    Country.Group.MEDITERRANEAN_PARTNER: _("Mediterranean Partners for Co-operation"),
}


@dataclass
class Trees:
    """The taxonomy terms the filters accept and the facets offer, read once per publication
    state (news/freshness.py) and kept in the cache: four small queries after a change, none
    otherwise."""

    fields: list  # [(field, depth)], depth-first in tree order
    structures: list  # [(structure, depth)]
    countries: list
    meetings: list

    @classmethod
    def load(cls, state=None):
        """The terms, from the cache when `state` (the publication state) is given."""
        key = state.key("trees") if state is not None else None
        trees = cache.get(key) if key else None
        if trees is None:
            trees = cls(
                fields=FieldOfWork.objects.only("pk", "name", "slug", "parent_id").in_tree_order(),
                structures=Structure.objects.only(
                    "pk", "name", "acronym", "slug", "parent_id"
                ).in_tree_order(),
                countries=list(Country.objects.only("pk", "name", "slug", "group")),
                meetings=list(MeetingSeries.objects.only("pk", "name", "slug")),
            )
            if key:
                cache.set(key, trees, state.timeout())
        return trees

    @cached_property
    def by_slug(self):
        """{parameter: {slug: term}}, each in the order the facets show the terms."""
        return {
            "field": {term.slug: term for term, _depth in self.fields},
            "structure": {term.slug: term for term, _depth in self.structures},
            "country": {term.slug: term for term in self.countries},
            "meeting": {term.slug: term for term in self.meetings},
        }

    @cached_property
    def subtrees(self):
        """{"field" or "structure": {id: ids of the term and everything under it}}."""
        return {"field": subtrees(self.fields), "structure": subtrees(self.structures)}

    def subtree_ids(self, tree, terms):
        """Ids of `terms` of `tree` ("field" or "structure") and everything under them."""
        return set().union(*(self.subtrees[tree][term.pk] for term in terms))


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


class TermsFilter(django_filters.Filter):
    field_class = TermsField


class Sort:
    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"
    CHOICES = [
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (RELEVANCE, _("Most relevant first")),
    ]


class NewsFilterForm(forms.Form):
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


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class NewsFilter(django_filters.FilterSet):
    """Narrows a queryset of published items; the view decides what is visible."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "A search can be at most %(limit_value)d characters long; "
                "this one has %(show_value)d."
            )
        },
    )
    field = TermsFilter(
        label=_("Field of work"),
        method="filter_field",
        error_messages={"invalid_choice": _("There is no field of work “%(value)s”.")},
    )
    country = TermsFilter(
        label=_("Country"),
        method="filter_country",
        error_messages={"invalid_choice": _("There is no country “%(value)s”.")},
    )
    group = django_filters.MultipleChoiceFilter(
        label=_("Group of countries"),
        choices=Country.Group.choices,
        method="filter_country",
        error_messages={"invalid_choice": _("There is no group of countries “%(value)s”.")},
    )
    structure = TermsFilter(
        label=_("Issued by"),
        method="filter_structure",
        error_messages={"invalid_choice": _("There is no structure “%(value)s”.")},
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        choices=NewsItem.Kind.choices,
        method="filter_kind",
        error_messages={"invalid_choice": _("There is no kind of news “%(value)s”.")},
    )
    meeting = TermsFilter(
        label=_("Meeting or conference"),
        method="filter_meeting",
        error_messages={"invalid_choice": _("There is no meeting series “%(value)s”.")},
    )
    tag = django_filters.ModelMultipleChoiceFilter(
        label=_("Tag"),
        queryset=Tag.objects.all(),
        to_field_name="slug",
        method="filter_tag",
        error_messages={"invalid_choice": _("There is no tag “%(value)s”.")},
    )
    year = YearFilter(
        label=_("Year"),
        field_name="date_issued",
        lookup_expr="year",
        min_value=1000,
        max_value=9999,
        error_messages={
            "invalid": _("A year is four digits, for example 2024."),
            "min_value": _("A year is four digits, for example 2024."),
            "max_value": _("A year is four digits, for example 2024."),
        },
    )
    # "from" is a Python keyword, hence the two assignments through vars().
    vars()["from"] = django_filters.DateFilter(
        label=_("From"),
        field_name="date_issued",
        lookup_expr="gte",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Give the start date as YYYY-MM-DD, e.g. 2024-01-31.")},
    )
    vars()["to"] = django_filters.DateFilter(
        label=_("To"),
        field_name="date_issued",
        lookup_expr="lte",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Give the end date as YYYY-MM-DD, e.g. 2024-12-31.")},
    )

    class Meta:
        model = NewsItem
        fields = []
        form = NewsFilterForm

    def __init__(self, data=None, *args, trees=None, **kwargs):
        if data is not None:
            # Empty values of the repeatable parameters (e.g. "?country=") select nothing.
            data = data.copy()
            for name in MULTIPLE_PARAMETERS:
                if name in data:
                    data.setlist(name, [value for value in data.getlist(name) if value != ""])
        super().__init__(data, *args, **kwargs)
        self.trees = trees or Trees.load()
        for name, terms in self.trees.by_slug.items():
            self.filters[name].extra["terms"] = terms

    # The narrowing, one method per facet.

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_field(self, queryset, name, value):
        return queryset.about(value, ids=self.trees.subtree_ids("field", value))

    def filter_structure(self, queryset, name, value):
        return queryset.issued_by(value, ids=self.trees.subtree_ids("structure", value))

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind__in=value)

    def filter_country(self, queryset, name, value):
        """`country` and `group` are one facet: about any chosen country or group member."""
        countries = self.form.cleaned_data.get("country")
        groups = self.form.cleaned_data.get("group") or ()
        if name == "group" and countries:
            return queryset  # already applied with the countries
        ids = {country.pk for country in countries or ()}
        ids.update(country.pk for country in self.trees.countries if country.group in groups)
        links = NewsCountry.objects.filter(news=OuterRef("pk"), country__in=ids)
        return queryset.filter(Exists(links))

    def filter_meeting(self, queryset, name, value):
        links = NewsMeetingSeries.objects.filter(news=OuterRef("pk"), meeting_series__in=value)
        return queryset.filter(Exists(links))

    def filter_tag(self, queryset, name, value):
        return queryset.filter(
            Exists(TaggedNews.objects.filter(content_object=OuterRef("pk"), tag__in=value))
        )

    # What the list, its facets and the feeds share.

    def filter_queryset(self, queryset, without=None):
        """Apply every valid filter, except the parameters of the facet `without`."""
        skipped = FACET_PARAMETERS.get(without, ())
        for name, value in self.form.cleaned_data.items():
            # An empty choice (an empty list, or none() from a model choice field) is no filter.
            if name in self.filters and name not in skipped and value:
                queryset = queryset & self._narrowing(name)
        return queryset

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
        skipped = FACET_PARAMETERS.get(without, ())
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

    def results(self):
        """The filtered items in the chosen order."""
        return self.ordered(self.qs)

    def ordered(self, queryset):
        """`queryset` in the chosen order."""
        if self.sort == Sort.RELEVANCE:
            return search.by_relevance(queryset, self.search_text)
        if self.sort == Sort.OLDEST:
            return queryset.order_by("date_issued", "id")
        return queryset.order_by("-date_issued", "-id")

    def page(self, start, stop, state=None):
        """Results `start` to `stop` in the chosen order, from one query: the page is chosen
        by id (kept in the cache under the publication `state`, if given), and only its items
        are read, with their search snippets."""
        key = state.key("page", self.signature(), self.sort, start, stop) if state else None
        ids = cache.get(key) if key else None
        manager = self.queryset.model._default_manager
        if ids is None:
            chosen = self.results().values("pk")[start:stop]
            items = self.ordered(manager.filter(pk__in=chosen))
        else:
            items = manager.filter(pk__in=ids)
        items = items.select_related("lead_structure").defer("body", "search_vector")
        if self.search_text:
            items = search.with_snippets(items, self.search_text)
        items = list(items)
        if ids is None:
            if key:
                cache.set(key, [item.pk for item in items], state.timeout())
        else:
            position = {pk: index for index, pk in enumerate(ids)}
            items.sort(key=lambda item: position[item.pk])
        return items

    def summary(self):
        """The active filters in words, e.g. for a feed title: ["Media freedom", "2024"]."""
        data = self.form.cleaned_data
        parts = []
        for name in ("field", "country"):
            parts.extend(str(obj) for obj in data.get(name) or ())
        parts.extend(str(GROUP_NAMES[value]) for value in data.get("group") or ())
        parts.extend(str(obj) for obj in data.get("structure") or ())
        kinds = dict(NewsItem.Kind.choices)
        parts.extend(str(kinds[value]) for value in data.get("kind") or ())
        for name in ("meeting", "tag"):
            parts.extend(str(obj) for obj in data.get(name) or ())
        if data.get("year"):
            parts.append(str(data["year"]))
        if data.get("from"):
            parts.append(str(_("from %(date)s") % {"date": data["from"].isoformat()}))
        if data.get("to"):
            parts.append(str(_("to %(date)s") % {"date": data["to"].isoformat()}))
        if data.get("q"):
            parts.append(f"“{data['q']}”")
        return parts
