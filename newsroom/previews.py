"""Private views of unpublished items: for their editors, and for whoever has a shared link.

They show an item as its public page will (newsroom/items.py), but they are not public pages:
what they may show is editable_by(user) or the link's one item, and they are never cached,
never indexed, and never given the public pages' ETag or Cache-Control.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control

from news.models import NewsItem, PreviewLink
from newsroom import freshness
from newsroom.items import PAGE_RELATIONS, attachment_response, detail_context


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
    # The related items are the public ones of now, as on the item's public page.
    context = detail_context(request, item, freshness.current())
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
        "is_public": item.has_public_page(),
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
