"""{% page_languages as languages %}: the languages the page is offered in, for the language
switcher (templates/includes/languages.html) and the `hreflang` alternates of base.html.

An item's page gives its own (newsroom/items.py: its published translations, context
`item_alternates` and `x_default_url`); any other public page is offered in every interface
language at the same address under another prefix, with the same query.
"""

from django import template

from news import languages
from newsroom import translations

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context):
    """{"alternates": [Alternate], "links": [(hreflang, absolute address)]}; empty for a page
    that is not a public page (an error page, a preview)."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or context.get("preview"):
        return {}
    if not match.namespace and match.url_name not in PUBLIC_UNNAMESPACED:
        return {}
    if "item_alternates" in context:
        alternates = context["item_alternates"]
        default_url = context.get("x_default_url")
    else:
        alternates = translations.page_alternates(request)
        default_url = languages.unprefixed(translations.page_address(request))
    return {
        "alternates": alternates,
        "links": translations.hreflang_links(request, alternates, default_url),
    }


# Public pages whose views are not in a namespace (the others are: news, taxonomy...).
PUBLIC_UNNAMESPACED = {"home", "field-operations"}


@register.simple_tag
def unavailable():
    return translations.unavailable_text()
