import functools

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

# The site's sections, named as the header and footer link them.
SECTIONS = {
    "home": "home",
    "news": "news:list",
    "fields": "taxonomy:field-list",
    "meetings": "taxonomy:meeting-list",
    "countries": "taxonomy:country-list",
    "structures": "structures:list",
    "field_operations": "field-operations",
    "menus": "menus",  # the header's menus, read by static/js/menu.js
    "contact": "pages:contact",
    "privacy": "pages:privacy",
    "accessibility": "pages:accessibility",
}


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URLS": section_urls(get_script_prefix(), get_language()),
    }


@functools.cache
def section_urls(prefix, language):
    """{section: its address}, worked out once per script prefix and language: the header
    and the footer of every page link them, and reversing a URL takes longer than rendering
    its link."""
    return {name: reverse(view) for name, view in SECTIONS.items()}
