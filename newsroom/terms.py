"""Public pages of the taxonomy and the structures, each listing the news filed under it.

They live in the news app because they list news: taxonomy and structures stay leaves that
know nothing of news.
"""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.models import NewsItem
from structures.models import Structure
from taxonomy.models import Chairpersonship, Country, FieldOfWork, MeetingSeries

LATEST_NEWS = 20
GROUP_HEADINGS = {
    Country.Group.PARTICIPATING_STATE: _("Participating States"),
    Country.Group.ASIAN_PARTNER: _("Asian Partners for Co-operation"),
    Country.Group.MEDITERRANEAN_PARTNER: _("Mediterranean Partners for Co-operation"),
}


def latest_news(queryset):
    return queryset.select_related("lead_structure")[:LATEST_NEWS]


def field_list(request):
    tree = FieldOfWork.objects.nested()
    return render(request, "newsroom/field_list.html", {"tree": tree})


def field_detail(request, slug):
    field = get_object_or_404(FieldOfWork.objects.select_related("parent"), slug=slug)
    return render(
        request,
        "newsroom/field_detail.html",
        {
            "field": field,
            "subtopics": list(field.children.all()),
            "latest": latest_news(NewsItem.objects.published().about([field])),
        },
    )


def meeting_list(request):
    return render(
        request, "newsroom/meeting_list.html", {"meetings": MeetingSeries.objects.all()}
    )


def meeting_detail(request, slug):
    meeting = get_object_or_404(MeetingSeries, slug=slug)
    return render(
        request,
        "newsroom/meeting_detail.html",
        {
            "meeting": meeting,
            "latest": latest_news(NewsItem.objects.published().filter(meeting_series=meeting)),
        },
    )


def country_list(request):
    countries = {}
    for country in Country.objects.all():
        countries.setdefault(country.group, []).append(country)
    groups = [
        (value, GROUP_HEADINGS[value], countries[value])
        for value in Country.Group.values
        if value in countries
    ]
    chair = (
        Chairpersonship.objects.select_related("country")
        .filter(year=timezone.localdate().year)
        .first()
    )
    return render(request, "newsroom/country_list.html", {"groups": groups, "chair": chair})


def country_detail(request, slug):
    country = get_object_or_404(Country, slug=slug)
    hosted = list(country.hosted_structures.order_by("-is_active", "order", "name"))
    field_operations = [s for s in hosted if s.kind == Structure.Kind.FIELD_OPERATION]
    return render(
        request,
        "newsroom/country_detail.html",
        {
            "country": country,
            "field_operations": field_operations,
            "other_hosted": [s for s in hosted if s.kind != Structure.Kind.FIELD_OPERATION],
            "chair_years": [c.year for c in country.chairpersonships.order_by("year")],
            "latest": latest_news(NewsItem.objects.published().filter(countries=country)),
        },
    )


def structure_list(request):
    tree = Structure.objects.select_related("host_country").nested()
    return render(request, "newsroom/structure_list.html", {"tree": tree})


def structure_detail(request, slug):
    structure = get_object_or_404(Structure.objects.select_related("host_country"), slug=slug)
    # The whole tree is small: one query gives the ancestors and the direct parts.
    nodes = {
        node.pk: node
        for node in Structure.objects.only(
            "name", "acronym", "slug", "parent_id", "is_active", "order"
        )
    }
    ancestors, seen = [], {structure.pk}
    node = nodes.get(structure.parent_id)
    while node is not None and node.pk not in seen:
        ancestors.insert(0, node)
        seen.add(node.pk)
        node = nodes.get(node.parent_id)
    parts = [node for node in nodes.values() if node.parent_id == structure.pk]
    latest = (
        NewsItem.objects.published()
        .issued_by([structure])
        .select_related("lead_structure")[:LATEST_NEWS]
    )
    return render(
        request,
        "newsroom/structure_detail.html",
        {
            "structure": structure,
            "ancestors": ancestors,
            "parts": parts,
            "former_names": list(structure.former_names.all()),
            "latest": latest,
        },
    )
