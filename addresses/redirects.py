"""Following an old slug to the page's current address (a permanent redirect)."""

from django.http import Http404, HttpResponsePermanentRedirect

from addresses.models import OldSlug
from newsroom.public import public_address


def current_object(queryset, slug):
    """The object of `queryset` that once had `slug`, or None (one query). `queryset` says
    which objects may be reached: an item's old address never leads to an unpublished one."""
    kind = OldSlug.kind_of(queryset.model)
    if kind is None:
        return None
    had = OldSlug.objects.filter(kind=kind, slug=slug).values("object_id")
    return queryset.filter(pk__in=had).first()


class FollowsOldSlugs:
    """For a DetailView found by slug (before it in the bases): when no object has the slug,
    a permanent redirect to the current address of the one that had it, if it may be seen.
    Looked up only once the current slug is not found, so the normal path costs nothing."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = current_object(self.old_slug_targets(), kwargs.get(self.slug_url_kwarg))
            # None too when the current slug reaches no page (written by QuerySet.update()).
            address = public_address(moved) if moved is not None else None
            if address is None:
                raise
            return HttpResponsePermanentRedirect(address)

    def old_slug_targets(self):
        """The objects an old slug may lead to: those the view shows."""
        return self.get_queryset()
