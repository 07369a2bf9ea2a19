from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from pages.models import Page


def page(request, slot):
    """A footer page; a 404 if editors deleted it."""
    page = get_object_or_404(Page, slot=slot)
    # The pages are written in the default language: marked as such on a page in another.
    written_in = settings.LANGUAGE_CODE if get_language() != settings.LANGUAGE_CODE else ""
    return render(request, "pages/page.html", {"page": page, "written_in": written_in})
