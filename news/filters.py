"""The filters of the public news list and its feeds: the URL contract of /news/.

Parameters: field, country, group, structure, kind, meeting, tag (each may repeat; choices
within one are OR), year, from, to (ISO dates), q (search) and sort. Filters combine with AND,
except `country` and `group`, which together form the one country facet.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
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
    field = django_filters.ModelMultipleChoiceFilter(
        label=_("Field of work"),
        queryset=FieldOfWork.objects.all(),
        to_field_name="slug",
        method="filter_field",
        error_messages={"invalid_choice": _("There is no field of work “%(value)s”.")},
    )
    country = django_filters.ModelMultipleChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="slug",
        method="filter_country",
        error_messages={"invalid_choice": _("There is no country “%(value)s”.")},
    )
    group = django_filters.MultipleChoiceFilter(
        label=_("Group of countries"),
        choices=Country.Group.choices,
        method="filter_country",
        error_messages={"invalid_choice": _("There is no group of countries “%(value)s”.")},
    )
    structure = django_filters.ModelMultipleChoiceFilter(
        label=_("Issued by"),
        queryset=Structure.objects.all(),
        to_field_name="slug",
        method="filter_structure",
        error_messages={"invalid_choice": _("There is no structure “%(value)s”.")},
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"),
        choices=NewsItem.Kind.choices,
        method="filter_kind",
        error_messages={"invalid_choice": _("There is no kind of news “%(value)s”.")},
    )
    meeting = django_filters.ModelMultipleChoiceFilter(
        label=_("Meeting or conference"),
        queryset=MeetingSeries.objects.all(),
        to_field_name="slug",
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # Empty values of the repeatable parameters (e.g. "?country=") select nothing.
            data = data.copy()
            for name in MULTIPLE_PARAMETERS:
                if name in data:
                    data.setlist(name, [value for value in data.getlist(name) if value != ""])
        super().__init__(data, *args, **kwargs)

    # The narrowing, one method per facet.

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_field(self, queryset, name, value):
        return queryset.about(value)

    def filter_structure(self, queryset, name, value):
        return queryset.issued_by(value)

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind__in=value)

    def filter_country(self, queryset, name, value):
        """`country` and `group` are one facet: about any chosen country or group member."""
        countries = self.form.cleaned_data.get("country")
        groups = self.form.cleaned_data.get("group")
        if name == "group" and countries:
            return queryset  # already applied with the countries
        about = Q(country__in=countries or []) | Q(country__group__in=groups or [])
        return queryset.filter(Exists(NewsCountry.objects.filter(about, news=OuterRef("pk"))))

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

    @property
    def search_text(self):
        return self.form.cleaned_data.get("q", "")

    @property
    def sort(self):
        return self.form.cleaned_data.get("sort") or Sort.NEWEST

    def results(self):
        """The filtered items in the chosen order."""
        queryset = self.qs
        if self.sort == Sort.RELEVANCE:
            return search.by_relevance(queryset, self.search_text)
        if self.sort == Sort.OLDEST:
            return queryset.order_by("date_issued", "id")
        return queryset.order_by("-date_issued", "-id")

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
