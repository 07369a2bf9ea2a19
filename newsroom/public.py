"""What the public may see, and how its pages are served: the base of the newsroom's views.

A public view reads news through the two named rules of NewsItemQuerySet, never by status:
published() for everything that lists, counts, feeds or searches, public_pages() for an
item's own page and its attachments (a withdrawn item keeps its page, and nothing else).
The staff and shared previews are not public pages: they live in newsroom/previews.py and
use neither these rules nor the page cache.
"""

from django.template.response import SimpleTemplateResponse
from django.urls import NoReverseMatch

from news import languages
from news.models import RESERVED_SLUGS, NewsItem
from newsroom import facets, freshness


class PublicPageMixin:
    """For a class-based view of the public site (before the generic view in the bases).

    With `conditional` (the default), the page is made through freshness.respond() in the
    current publication state, `self.state`: kept in the page cache and answered with 304
    while nothing public changes. `parameters` names the query parameters the page reads:
    none by default, None for those of the news list (its filters, page and sort).
    """

    conditional = True
    parameters = ()

    def dispatch(self, request, *args, **kwargs):
        if not self.conditional:
            return super().dispatch(request, *args, **kwargs)
        self.state = freshness.current()
        return freshness.respond(
            request,
            self.state,
            lambda: self.build(request, *args, **kwargs),
            parameters=self.parameters,
        )

    def build(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # Rendered now, so that the page cache keeps the page and not a template to render.
        if isinstance(response, SimpleTemplateResponse):
            response.render()
        return response

    def published_news(self):
        """The items lists, counts, feeds and search may show, in the page's language (with
        the others' items it has no translation of, as the organisation chooses: settings.
        NEWS_INCLUDE_OTHER_LANGUAGES)."""
        return NewsItem.objects.published().in_language(
            languages.current(), others=facets.default_others() == "include"
        )

    def public_pages(self):
        """The items that have a page of their own: the published and the withdrawn."""
        return NewsItem.objects.public_pages()


def public_address(obj):
    """The address of `obj`'s public page, or None when none reaches it: a slug that no URL
    accepts or that the site's own pages take, written by QuerySet.update() (which runs no
    validation). Sitemaps and feeds leave such an item out rather than fail."""
    if isinstance(obj, NewsItem) and obj.slug in RESERVED_SLUGS:
        return None
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return None
