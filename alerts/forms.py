"""The forms of email alerts, and the filters a subscription follows.

A subscription follows a view of /news/: its filters, as the list's query string. The query
is stored canonically (only the list's filter parameters, sorted, without empty values,
page or sort), so that the same view is one subscription whatever order its URL was
written in.
"""

from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from alerts.models import Subscription
from news.models import NewsItem
from newsroom.facets import PARAMS
from newsroom.filters import NewsFilter, Trees

# The list's filter parameters: the facets', the dates and the search. Not page, not sort.
FILTER_PARAMS = (*PARAMS, "from", "to", "q")
QUERY_MAX_LENGTH = Subscription._meta.get_field("query").max_length


def canonical_query(params):
    """The filters of `params` (a QueryDict) as a canonical query string, without "?"."""
    pairs = []
    for name in sorted(FILTER_PARAMS):
        values = [" ".join(value.split()) for value in params.getlist(name)]
        values = [value for value in values if value]
        if not values:
            continue
        param = PARAMS.get(name)
        if param is not None and param.repeats:
            pairs.extend((name, value) for value in sorted(set(values)))
        else:
            pairs.append((name, values[-1]))  # QueryDict.get(): the last one counts
    return urlencode(pairs)


def filterset_of(query, trees=None):
    """The list's FilterSet for a stored query string (over the published items)."""
    return NewsFilter(
        QueryDict(query), queryset=NewsItem.objects.published(), trees=trees or Trees.load()
    )


def described(filterset):
    """The filters in words, as the list and its feeds say them: ["Media freedom", "2024"]."""
    return [str(part) for part in filterset.summary()] if filterset.is_valid() else []


def describe(query, trees=None):
    """A stored query in words; "All news" when it has no filters. A query whose filters no
    longer all exist (a tag no published item uses any more) is shown as it is stored."""
    if not query:
        return [str(_("All news"))]
    filterset = filterset_of(query, trees)
    return described(filterset) or [query]


def errors_of(filterset):
    """The filters' errors, as a list of messages for the error summary."""
    return [str(error) for errors in filterset.form.errors.values() for error in errors]


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("We send a link to this address; nothing else is sent until you follow it."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="alert-%s", **kwargs)

    def clean_email(self):
        # The domain's case does not matter; the local part's may, but no one relies on it.
        return self.cleaned_data["email"].strip().lower()


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="manage-%s", **kwargs)
