"""The field operations' own page: where the organisation works on the ground."""

from django.shortcuts import render

from structures.models import Structure


def field_operations(request):
    """Every field operation with the place hosting it: the active ones, then those closed,
    kept for the record. One query."""
    operations = list(
        Structure.objects.filter(kind=Structure.Kind.FIELD_OPERATION).select_related("host_country")
    )
    return render(
        request,
        "structures/field_operations.html",
        {
            "active": [s for s in operations if s.is_active],
            "closed": sorted(
                (s for s in operations if not s.is_active),
                key=lambda s: (s.closed_on is None, s.closed_on, s.translated_name),
            ),
        },
    )
