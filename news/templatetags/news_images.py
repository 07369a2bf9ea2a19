"""Lead images in templates: {% lead_image item "card" as image %}, rendered by
news/includes/picture.html."""

from django import template
from django.conf import settings

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
