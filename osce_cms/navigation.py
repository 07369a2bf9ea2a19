"""The header's menus: every field of work, meeting series, country and structure, as the
organisation's own site offers them.

The menus are one small HTML fragment at their own address, /menus/, which static/js/menu.js
reads once a page has loaded and puts behind the header's buttons. Without JavaScript the
header's items are plain links to each index page. Being apart from the pages, the menus add
no query and no weight to any of them: the fragment is made in four queries once per
publication state (newsroom/freshness.py, replaced whenever a term or an item changes), kept in
the page cache, and answered with 304 while a browser's copy is current.

Retired terms and inactive structures keep their pages but are not offered here.
"""

from django.urls import reverse
from django.views.generic import TemplateView

from newsroom.facets import GROUP_NAMES
from newsroom.public import PublicPageMixin
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries, name_order


class MenusView(PublicPageMixin, TemplateView):
    """The menus' panels, for static/js/menu.js (templates/includes/menus.html)."""

    template_name = "includes/menus.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A piece of the pages, not a page: search engines find each link on its index page.
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **menus()}


def menus():
    """What the menus list, read in four queries, named in the page's language (each term
    with its `names`: the menus are one page per language, /ru/menus/…), countries in its
    alphabetical order."""
    fields = FieldOfWork.objects.filter(is_retired=False).only("name", "names", "slug", "parent_id")
    countries = Country.objects.filter(is_retired=False).only("name", "names", "slug", "group")
    by_group = {}
    for country in name_order(countries):
        by_group.setdefault(country.group, []).append(country)
    structures = list(
        Structure.objects.active().only(
            "name", "names", "acronym", "acronyms", "slug", "kind", "parent_id", "order"
        )
    )
    children = {}
    for structure in structures:
        children.setdefault(structure.parent_id, []).append(structure)
    ids = {structure.pk for structure in structures}
    roots = [s for s in structures if s.parent_id is None or s.parent_id not in ids]
    field_operations = reverse("field-operations")
    return {
        # Top-level fields: subtopics are on each field's page.
        "fields": [field for field in fields if field.parent_id is None],
        "meetings": list(
            MeetingSeries.objects.filter(is_retired=False).only("name", "names", "slug")
        ),
        "country_groups": [
            (value, GROUP_NAMES[value], by_group[value])
            for value in Country.Group.values
            if value in by_group
        ],
        # Each root with its active parts (a group of field operations leads to their page),
        # then the roots that have none, in one list.
        "structure_groups": [
            (
                root,
                field_operations
                if _holds_field_operations(children[root.pk])
                else root.get_absolute_url(),
                children[root.pk],
            )
            for root in roots
            if root.pk in children
        ],
        "structure_singles": [root for root in roots if root.pk not in children],
        "field_operations_url": field_operations,
        # "Partnerships", in the organisation's meetings menu, is a section about the Partners
        # for Co-operation, not a meeting series (taxonomy/reference.py): their list.
        "partners_url": reverse("taxonomy:country-list") + "#group-asian-partner",
    }


def _holds_field_operations(parts):
    return any(part.kind == Structure.Kind.FIELD_OPERATION for part in parts)
