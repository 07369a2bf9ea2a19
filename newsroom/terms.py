"""Public pages of the taxonomy and the structures, each listing the news filed under it.

They live in the public app because they list news: taxonomy and structures stay leaves that
know nothing of news.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.generic import DetailView

from addresses.redirects import FollowsOldSlugs
from newsroom.facets import GROUP_NAMES
from newsroom.public import PublicPageMixin
from structures.models import Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries, name_order

LATEST_NEWS = 20


class TermView(PublicPageMixin, FollowsOldSlugs, DetailView):
    """A term's page: the term, and as `latest` the newest of its news(). A slug the term had
    redirects to it (addresses/)."""

    # Made anew for each visitor, as they always were.
    conditional = False

    def news(self, term):
        """The published news filed under `term`."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        latest = self.news(self.object).select_related("lead_structure")[:LATEST_NEWS]
        return {**super().get_context_data(**kwargs), "latest": latest}


class FieldView(TermView):
    queryset = FieldOfWork.objects.select_related("parent")
    template_name = "newsroom/field_detail.html"
    context_object_name = "field"

    def news(self, field):
        return self.published_news().about([field])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "subtopics": list(self.object.children.all())}


class MeetingView(TermView):
    model = MeetingSeries
    template_name = "newsroom/meeting_detail.html"
    context_object_name = "meeting"

    def news(self, meeting):
        return self.published_news().filter(meeting_series=meeting)

    def get_context_data(self, **kwargs):
        # Its single dated meetings (meetings/), newest first.
        meetings = self.object.meetings.select_related("series", "country")
        return {**super().get_context_data(**kwargs), "meetings": list(meetings)}


class CountryView(TermView):
    model = Country
    template_name = "newsroom/country_detail.html"
    context_object_name = "country"

    def news(self, country):
        return self.published_news().filter(countries=country)

    def get_context_data(self, **kwargs):
        country = self.object
        hosted = list(country.hosted_structures.order_by("-is_active", "order", "name"))
        operation = Structure.Kind.FIELD_OPERATION
        return {
            **super().get_context_data(**kwargs),
            "field_operations": [s for s in hosted if s.kind == operation],
            "other_hosted": [s for s in hosted if s.kind != operation],
            "chair_years": [c.year for c in country.chairpersonships.order_by("year")],
        }


class StructureView(TermView):
    queryset = Structure.objects.select_related("host_country", "successor")
    template_name = "newsroom/structure_detail.html"
    context_object_name = "structure"

    def news(self, structure):
        return self.published_news().issued_by([structure])

    def get_context_data(self, **kwargs):
        structure = self.object
        # The whole tree is small: one query gives the ancestors and the direct parts.
        nodes = {
            node.pk: node
            for node in Structure.objects.only(
                "name", "names", "acronym", "acronyms", "slug", "parent_id", "is_active", "order"
            )
        }
        ancestors, seen = [], {structure.pk}
        node = nodes.get(structure.parent_id)
        while node is not None and node.pk not in seen:
            ancestors.insert(0, node)
            seen.add(node.pk)
            node = nodes.get(node.parent_id)
        return {
            **super().get_context_data(**kwargs),
            "ancestors": ancestors,
            "parts": [node for node in nodes.values() if node.parent_id == structure.pk],
            "former_names": list(structure.former_names.all()),
        }


def this_years_chair():
    """The Chairpersonship of the current year, with its country, or None."""
    return (
        Chairpersonship.objects.select_related("country")
        .filter(year=timezone.localdate().year)
        .first()
    )


def field_list(request):
    tree = FieldOfWork.objects.nested()
    return render(request, "newsroom/field_list.html", {"tree": tree})


def meeting_list(request):
    return render(request, "newsroom/meeting_list.html", {"meetings": MeetingSeries.objects.all()})


def country_list(request):
    countries = {}
    for country in name_order(Country.objects.all()):  # alphabetical in the page's language
        countries.setdefault(country.group, []).append(country)
    groups = [
        (value, GROUP_NAMES[value], countries[value])
        for value in Country.Group.values
        if value in countries
    ]
    return render(
        request, "newsroom/country_list.html", {"groups": groups, "chair": this_years_chair()}
    )


def structure_list(request):
    tree = Structure.objects.select_related("host_country").nested()
    return render(request, "newsroom/structure_list.html", {"tree": tree})
