"""A recipient's link to an embargoed item: /embargo/<token>/.

Like a shared preview (newsroom/previews.py) the page is private: never indexed, never cached,
no cookie, no referrer. Before the embargo lifts it shows the item with its "Embargoed until"
banner to the holder of a recipient's working link; once the item is public the link leads
there (302); a revoked link, or an embargo lifted without publication, answers 410.
"""

import ipaddress

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from embargoes.models import Opening, Recipient, digest
from news.models import NewsItem
from newsroom import freshness
from newsroom.items import PAGE_RELATIONS, attachment_response, detail_context
from newsroom.previews import private
from osce_cms.security import client_ip

USER_AGENT_MAX = Opening._meta.get_field("user_agent").max_length


def recipient_of(token):
    """The recipient whose link has `token`, or 404 (the digest is looked up, never the token)."""
    if len(token) > 100:
        raise Http404("No such link.")
    return get_object_or_404(
        Recipient.objects.select_related("embargo__news"), token_digest=digest(token)
    )


def embargoed(request, token):
    recipient = recipient_of(token)
    embargo, item = recipient.embargo, recipient.embargo.news
    if item.has_public_page():
        # Released (or published early): the link leads to the public page, for everyone
        # who had it, as the public page is anyone's now.
        return private(HttpResponseRedirect(item.get_absolute_url()), referrer=False)
    if not recipient.is_usable():
        context = {"recipient": recipient, "embargo": embargo}
        response = render(request, "embargoes/unavailable.html", context, status=410)
        return private(response, referrer=False)
    # A GET that writes: the one exception to the site's rule, because issue 15 requires that
    # every opening of an embargo link be logged (who, when, from where) for the editor.
    Opening.objects.create(
        recipient=recipient,
        ip=ip_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX],
    )
    item = (
        NewsItem.objects.select_related("lead_structure")
        .prefetch_related(*PAGE_RELATIONS)
        .get(pk=item.pk)
    )
    context = detail_context(request, item, freshness.current())
    context["attachment_links"] = [
        (document, reverse("embargoes:attachment", args=[token, document.pk]))
        for document in item.attachments.all()
    ]
    context["embargo"] = embargo
    return private(render(request, "embargoes/embargoed.html", context), referrer=False)


def ip_address(request):
    """The visitor's address if it is one (a Unix socket's REMOTE_ADDR is not), else None."""
    try:
        return str(ipaddress.ip_address(client_ip(request)))
    except ValueError:
        return None


def embargoed_attachment(request, token, attachment_pk):
    """A document of the item a working link shows (not logged: the page's opening is)."""
    recipient = recipient_of(token)
    if not recipient.is_usable() or recipient.embargo.news.has_public_page():
        raise Http404("This link no longer shows the item.")
    return private(attachment_response(recipient.embargo.news, attachment_pk), referrer=False)
