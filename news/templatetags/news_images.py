"""Lead images in templates: {% picture item "card" %} (newsroom/includes/picture.html), or
{% lead_image item "card" as image %} for what an <img> needs."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from news.images import renditions

register = template.Library()


@register.simple_tag
def lead_image(item, role):
    """What an <img> needs to show `item`'s lead image in `role`, or None without an image.

    src is the smallest rendition (for browsers without srcset); width and height are the
    largest's, so that the browser reserves the right shape before the image arrives.
    """
    found = renditions(item, role)
    if not found:
        return None
    largest = found[-1]
    return {
        "src": found[0].url,
        "srcset": ", ".join(f"{r.url} {r.width}w" for r in found),
        "sizes": settings.NEWS_IMAGE_RENDITIONS[role]["sizes"],
        "width": largest.width,
        "height": largest.height,
    }


@register.simple_tag
def picture(item, role, sizes=None, eager=False):
    """`item`'s lead image as a responsive <img>, or "" without one: `sizes` defaults to the
    role's; `eager` for the image at the top of a page (loaded at once, high priority).

    Formatted here, not by a template: a list page shows up to twenty, and cards call this
    directly (newsroom/templatetags/cards.py)."""
    image = lead_image(item, role)
    if image is None:
        return ""
    loading = EAGER if eager else LAZY
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" ' + loading + " "
        'decoding="async">',
        image["src"],
        image["srcset"],
        sizes or image["sizes"],
        image["width"],
        image["height"],
        item.image_alt,
    )


# How a picture loads: at once with high priority (the top of a page), or when scrolled to.
EAGER, LAZY = 'fetchpriority="high"', 'loading="lazy"'
