"""What the admin tells an editor about addresses (old slugs have no admin of their own:
they are recorded, never edited)."""

from django.contrib import messages
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _


def warn_slug_changed(request, item, old_slug):
    """After a live item's slug changed: its old address now redirects to the new one."""
    if not old_slug or old_slug == item.slug or not item.has_public_page():
        return
    try:
        old, new = reverse("news:detail", args=[old_slug]), item.get_absolute_url()
    except NoReverseMatch:
        return
    messages.warning(
        request,
        _(
            "This item's address changed from %(old)s to %(new)s. The old address redirects "
            "to the new one (permanently), so links to it keep working."
        )
        % {"old": old, "new": new},
    )
