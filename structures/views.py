from django.shortcuts import get_object_or_404, render

from news.models import NewsItem
from structures.models import Structure
from taxonomy.views import LATEST_NEWS, nest


def structure_list(request):
    tree = nest(Structure.objects.select_related("host_country"))
    return render(request, "structures/structure_list.html", {"tree": tree})


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
        "structures/structure_detail.html",
        {
            "structure": structure,
            "ancestors": ancestors,
            "parts": parts,
            "former_names": list(structure.former_names.all()),
            "latest": latest,
        },
    )
