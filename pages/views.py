from django.shortcuts import get_object_or_404, render

from pages.models import Page


def page(request, slot):
    """A footer page; a 404 if editors deleted it."""
    return render(request, "pages/page.html", {"page": get_object_or_404(Page, slot=slot)})
