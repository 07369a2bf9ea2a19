"""{% breadcrumb_json_ld %}: an item page's breadcrumb for search engines (schema.org
BreadcrumbList), beside the visible one. Registered as the template library "breadcrumbs"
(settings.TEMPLATES)."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# What ends or breaks out of a <script> element, as django.utils.html.json_script escapes it.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, *names_and_urls):
    """`name, url, name, url…`, from the first crumb to the page itself."""
    request = context["request"]
    pairs = zip(names_and_urls[::2], names_and_urls[1::2], strict=True)
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": request.build_absolute_uri(url),
            }
            for position, (name, url) in enumerate(pairs, start=1)
        ],
    }
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
