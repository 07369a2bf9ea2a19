import json
from html import unescape

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from news.attachments import download_name
from news.images import social_image
from news.models import NewsCountry, NewsFieldOfWork, NewsItem, PreviewLink
from newsroom import freshness
from taxonomy.models import Chairpersonship

HOME_LATEST = 10
RELATED_NEWS = 5
# What json_script escapes, so that a value cannot close the script element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def home(request):
    latest = NewsItem.objects.published().select_related("lead_structure")[:HOME_LATEST]
    chair = (
        Chairpersonship.objects.select_related("country")
        .filter(year=timezone.localdate().year)
        .first()
    )
    return render(request, "newsroom/home.html", {"latest": latest, "chair": chair})


# What an item's page shows besides the item: prefetched for detail_context().
PAGE_RELATIONS = [
    "supporting_structures",
    "fields_of_work",
    "countries",
    "meeting_series",
    "tags",
    "attachments",
]


def detail(request, slug):
    """An item's public page; a withdrawn item keeps it, under its withdrawal notice.

    Kept in the cache and answered with 304 while nothing public changes (news/freshness.py).
    """
    state = freshness.current()
    return freshness.respond(
        request, state, lambda: detail_response(request, slug), parameters=()
    )


def detail_response(request, slug):
    pages = NewsItem.objects.published() | NewsItem.objects.withdrawn()
    item = get_object_or_404(
        pages.select_related("lead_structure").prefetch_related(*PAGE_RELATIONS), slug=slug
    )
    response = render(request, "newsroom/detail.html", detail_context(request, item))
    if item.status == NewsItem.Status.WITHDRAWN:
        response["X-Robots-Tag"] = "noindex"
    return response


def detail_context(request, item):
    """What news/detail.html needs to show `item`: the public page's and the previews'."""
    canonical = request.build_absolute_uri(item.get_absolute_url())
    # Link previews get the 1200 × 630 JPEG rendition; the original if it could not be made.
    social = social_image(item)
    image_url = social.url if social else item.image.url if item.image else ""
    image_url = request.build_absolute_uri(image_url) if image_url else ""
    body_text = " ".join(unescape(strip_tags(item.body)).split())
    lede_text = " ".join(item.lede.split())
    description = Truncator(lede_text or body_text).chars(300)
    return {
        "item": item,
        "withdrawn": item.status == NewsItem.Status.WITHDRAWN,
        "related": related_news(item),
        "attachment_links": [
            (document, document.get_absolute_url()) for document in item.attachments.all()
        ],
        "canonical": canonical,
        "image_url": image_url,
        "social_image": social,
        "description": description,
        # Imported bodies often open with the lede: show it only where it is not repeated.
        "show_lede": bool(lede_text) and not body_text.startswith(lede_text),
        "json_ld": news_article_json_ld(request, item, canonical, image_url, description),
    }


def related_news(item):
    """Up to RELATED_NEWS published items sharing a field of work or a country, newest first."""
    field_ids = [field.pk for field in item.fields_of_work.all()]
    country_ids = [country.pk for country in item.countries.all()]
    if not field_ids and not country_ids:
        return []
    # Which items they are is kept in the cache until something public changes; the items
    # themselves are read by id.
    state = freshness.current()
    key = state.key("related", item.pk, field_ids, country_ids)
    ids = cache.get(key)
    if ids is None:
        shares_field = NewsFieldOfWork.objects.filter(news=OuterRef("pk"), field__in=field_ids)
        shares_country = NewsCountry.objects.filter(news=OuterRef("pk"), country__in=country_ids)
        newest = (
            NewsItem.objects.published()
            .filter(Exists(shares_field) | Exists(shares_country))
            .exclude(pk=item.pk)
            .values("pk")[:RELATED_NEWS]
        )
        related = list(NewsItem.objects.filter(pk__in=newest).select_related("lead_structure"))
        cache.set(key, [other.pk for other in related], state.timeout())
        return related
    return list(NewsItem.objects.filter(pk__in=ids).select_related("lead_structure"))


def news_article_json_ld(request, item, canonical, image_url, description):
    """schema.org NewsArticle, escaped for a <script type="application/ld+json"> element."""
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
                "name": str(structure),
                "url": request.build_absolute_uri(structure.get_absolute_url()),
            }
            for structure in item.issuers
        ]
        or [publisher],
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
    }
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [image_url]
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(JSON_SCRIPT_ESCAPES))


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def attachment(request, slug, pk):
    """An attachment of a published or withdrawn item, shown inline by the PDF viewer."""
    item = get_object_or_404(
        NewsItem.objects.published() | NewsItem.objects.withdrawn(), slug=slug
    )
    return attachment_response(item, pk)


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


def preview(request, pk):
    """/news/preview/<pk>/: an unpublished item as visitors will see it, for its editors.

    Items the user may not edit answer 404, exactly as items that do not exist.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    item = get_object_or_404(
        NewsItem.objects.editable_by(request.user)
        .select_related("lead_structure")
        .prefetch_related(*PAGE_RELATIONS),
        pk=pk,
    )
    return preview_response(request, item)


def preview_attachment(request, pk, attachment_pk):
    """/news/preview/<pk>/attachments/<id>/: a document of an item its editors preview."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    item = get_object_or_404(NewsItem.objects.editable_by(request.user), pk=pk)
    return private(attachment_response(item, attachment_pk))


def shared_preview(request, token):
    """/news/shared-preview/<token>/: one item for whoever has the link, until it expires
    or is revoked. Needs no account and sets no cookie."""
    link = get_object_or_404(PreviewLink, token=token)
    if not link.is_usable():
        response = render(request, "newsroom/preview_unavailable.html", {"link": link}, status=410)
        return private(response, referrer=False)
    item = get_object_or_404(
        NewsItem.objects.select_related("lead_structure").prefetch_related(*PAGE_RELATIONS),
        pk=link.news_id,
    )
    return preview_response(request, item, link)


def shared_preview_attachment(request, token, attachment_pk):
    """A document of the one item a usable shared preview link shows."""
    link = get_object_or_404(PreviewLink.objects.select_related("news"), token=token)
    if not link.is_usable():
        raise Http404("This preview link has expired or was revoked.")
    return private(attachment_response(link.news, attachment_pk), referrer=False)


def preview_response(request, item, link=None):
    context = detail_context(request, item)
    if link is None:
        context["attachment_links"] = [
            (document, reverse("news:preview-attachment", args=[item.pk, document.pk]))
            for document in item.attachments.all()
        ]
    else:
        context["attachment_links"] = [
            (document, reverse("news:shared-preview-attachment", args=[link.token, document.pk]))
            for document in item.attachments.all()
        ]
    context["preview"] = {
        "link": link,
        # Withdrawn items keep their public page, under the withdrawal notice.
        "is_public": item.is_published() or item.status == NewsItem.Status.WITHDRAWN,
        "edit_url": reverse("admin:news_newsitem_change", args=[item.pk]) if link is None else "",
    }
    return private(render(request, "newsroom/preview.html", context), referrer=link is None)


def private(response, referrer=True):
    """Keep a page out of search engines and shared caches; without `referrer`, the page's
    address (a secret link) is not sent to the sites it links to."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    if not referrer:
        response["Referrer-Policy"] = "no-referrer"
    return response
