"""An item's public page and its attachments, and what its previews show the same way."""

import functools
import json
from html import unescape

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.generic import DetailView, View

from addresses.redirects import FollowsOldSlugs
from news import languages
from news.attachments import download_name
from news.images import social_image
from news.models import RELATION_NAMES, RELATIONS, Attachment, NewsItem
from newsroom import facets
from newsroom import index as news_index
from newsroom.cards import read_cards, read_items
from newsroom.public import PublicPageMixin, public_address
from newsroom.templatetags.cards import in_language
from newsroom.translations import item_alternates, published_members, translation_in

RELATED_NEWS = 5
# What json_script escapes, so that a value cannot close the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# What an item's page shows besides the item: prefetched for detail_context().
PAGE_RELATIONS = [*RELATION_NAMES, "attachments"]


class ItemView(PublicPageMixin, FollowsOldSlugs, DetailView):
    """An item's public page; a withdrawn item keeps it, under its withdrawal notice. A slug
    the item had redirects to it (addresses/)."""

    template_name = "newsroom/detail.html"
    context_object_name = "item"

    def get_queryset(self):
        # The relations are read by read_page_relations(), not prefetch_related().
        return self.public_pages().select_related("lead_structure").defer("search_vector")

    def get(self, request, *args, **kwargs):
        """The item with this slug in the page's language (or, under the default language,
        in a language without an interface: news/languages.py). A slug of an item in another
        language leads to its translation in the page's language, if published, else to the
        item's own address (a temporary redirect: a translation may come)."""
        prefix = languages.current()
        under = languages.languages_under(prefix)
        found = [item for item in read_items(kwargs[self.slug_url_kwarg]) if item.has_public_page()]
        here = languages.preferring([item for item in found if item.language in under], prefix)
        self.found = here[0] if here else None
        if self.found is None and found:
            item = min(found, key=lambda item: item.pk)
            address = public_address(translation_in(item, prefix) or item)
            if address is not None:
                return HttpResponseRedirect(address)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        """The item get() found by its slug, read by a query written once (newsroom/cards.py),
        shown only if it has a public page (the rule of get_queryset(), for one item)."""
        item = self.found
        if item is None:
            raise Http404("No news item has this address.")
        read_page_relations(item)
        return item

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, **detail_context(self.request, self.object, self.state)}

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # Only a published item's page is for search engines; a withdrawn one's is not.
        if not self.object.is_published():
            response["X-Robots-Tag"] = "noindex"
        return response


def read_page_relations(item):
    """Read what an item's page shows besides the item (PAGE_RELATIONS) into the item, as
    prefetch_related() would: each relation by its query, written once per process and
    only run here (prefetch_related builds its six queries anew for every page, which took
    half of a page's time)."""
    for name, (model, sql) in _relation_queries().items():
        found = list(model._default_manager.raw(sql, [item.pk]))
        manager = getattr(item, name)
        queryset = manager.all()
        queryset._result_cache, queryset._prefetch_done = found, True
        item._prefetched_objects_cache = getattr(item, "_prefetched_objects_cache", {})
        item._prefetched_objects_cache[_cache_name(manager, name)] = queryset
    for document in item.attachments.all():
        Attachment.news.field.set_cached_value(document, item)


def _cache_name(manager, name):
    """Where a related manager looks for what was prefetched."""
    if hasattr(manager, "prefetch_cache_name"):  # many-to-many, tags
        return manager.prefetch_cache_name
    return manager.field.remote_field.cache_name  # the item's documents


_SENTINEL = 2_147_483_001  # an item id in the written queries, replaced by the real one


@functools.cache
def _relation_queries():
    """{relation: (model, SQL with one parameter, the item's id)}, as prefetch_related()
    would read them: the terms in their own order, the documents in theirs."""
    queries = {}
    for relation in RELATIONS:
        links = relation.link._default_manager.filter(**{relation.news_key: _SENTINEL})
        terms = relation.term._default_manager.filter(pk__in=links.values(relation.term_key))
        queries[relation.name] = (relation.term, terms)
    queries["attachments"] = (Attachment, Attachment._default_manager.filter(news=_SENTINEL))
    written = {}
    for name, (model, queryset) in queries.items():
        sql, params = queryset.query.sql_with_params()
        if list(params) != [_SENTINEL]:
            raise ValueError(f"Unexpected parameters in the query of {name}: {params}")
        written[name] = (model, sql)
    return written


class AttachmentView(PublicPageMixin, View):
    """An attachment of an item that has a public page, shown inline by the PDF viewer."""

    # A file, streamed: neither kept in the page cache nor given an ETag.
    conditional = False

    def get(self, request, slug, attachment_pk):
        prefix = languages.current()
        found = self.public_pages().filter(
            slug=slug, language__in=languages.languages_under(prefix)
        )
        item = next(iter(languages.preferring(found, prefix)), None)
        if item is None:
            raise Http404("No news item has this address.")
        return attachment_response(item, attachment_pk)


def attachment_response(item, pk):
    """The PDF of `item`'s attachment `pk`, for a caller that has checked who may see it."""
    document = get_object_or_404(item.attachments, pk=pk)
    try:
        file = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The attachment's file is missing.") from None
    response = FileResponse(file, content_type="application/pdf", filename=download_name(document))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def detail_context(request, item, state):
    """What newsroom/detail.html needs to show `item`, on its public page and in previews;
    the related items are those of the publication `state` (freshness.current())."""
    canonical = request.build_absolute_uri(item.get_absolute_url())
    # Link previews get the 1200 × 630 JPEG rendition; the original if it could not be made.
    social = social_image(item)
    image_url = social.url if social else item.image.url if item.image else ""
    image_url = request.build_absolute_uri(image_url) if image_url else ""
    body_text = " ".join(unescape(strip_tags(item.body)).split())
    lede_text = " ".join(item.lede.split())
    description = Truncator(lede_text or body_text).chars(300)
    members = published_members(item)
    original = members[0] if members else item
    json_ld = news_article_json_ld(request, item, canonical, image_url, description, members)
    return {
        "item": item,
        # The language switcher and hreflang alternates (newsroom/templatetags/languages.py).
        "item_alternates": item_alternates(item, members),
        "x_default_url": original.get_absolute_url(),
        "language_flag": in_language(item.language) if item.language != languages.current() else "",
        "withdrawn": item.status == NewsItem.Status.WITHDRAWN,
        "related": related_news(item, state),
        "attachment_links": [
            (document, document.get_absolute_url()) for document in item.attachments.all()
        ],
        "canonical": canonical,
        "image_url": image_url,
        "social_image": social,
        "description": description,
        # Imported bodies often open with the lede: show it only where it is not repeated.
        "show_lede": bool(lede_text) and not body_text.startswith(lede_text),
        "json_ld": json_ld,
    }


def related_news(item, state=None):
    """Up to RELATED_NEWS published items sharing a field of work or a country, newest first,
    as the page's language's lists show them (newsroom/index.py scope()), the item's own
    translations left out: chosen in the index of the public news, read by id."""
    field_ids = [field.pk for field in item.fields_of_work.all()]
    country_ids = [country.pk for country in item.countries.all()]
    if not field_ids and not country_ids:
        return []
    index = news_index.current()
    sharing = index.union("fields_of_work", field_ids) | index.union("countries", country_ids)
    sharing &= index.scope(languages.current(), facets.default_others() == "include")
    own = index.position(item.pk)
    if own >= 0:
        sharing.discard(own)
    # A few more than shown: the item's translations are among them at most once each.
    found = read_cards(index.page(sharing, 0, RELATED_NEWS + len(languages.site_codes())))
    return [card for card in found if card.group != item.group][:RELATED_NEWS]


def news_article_json_ld(request, item, canonical, image_url, description, members=()):
    """schema.org NewsArticle, escaped for a <script type="application/ld+json"> element:
    with its language, and its published translations (`members`, its group's, the original
    first) as workTranslation of the original and translationOfWork of the others."""
    publisher = {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("home")),
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.date_issued or item.published_at,
        "dateModified": item.updated_at,
        "author": [
            {
                "@type": "Organization",
                "name": structure.name_on(item.date_issued),  # as on the day of issue
                "url": request.build_absolute_uri(structure.get_absolute_url()),
            }
            for structure in item.issuers
        ]
        or [publisher],
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
    }
    data["inLanguage"] = item.language
    others = [member for member in members if member.pk != item.pk]
    if others and members[0].pk == item.pk:
        data["workTranslation"] = [
            {
                "@id": request.build_absolute_uri(member.get_absolute_url()),
                "inLanguage": member.language,
            }
            for member in others
        ]
    elif others:
        original = members[0]
        data["translationOfWork"] = {
            "@id": request.build_absolute_uri(original.get_absolute_url()),
            "inLanguage": original.language,
        }
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [image_url]
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES))
