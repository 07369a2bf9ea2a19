"""The embargo's page in the admin, reached from the item's change form ("Share under
embargo"), as its preview links are (news/admin/history.py): set the embargo, add recipients,
see each one's openings, revoke one.

They are admin views (admin_site.admin_view: staff only, the admin's login) mounted by
embargoes/urls.py, not a ModelAdmin: an embargo is always seen from its item. Every view
answers only for items the user may publish (embargoes/services.py may_embargo); other items
are "does not exist", as on the item's change page.
"""

from django.contrib import admin, messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from embargoes import services
from embargoes.forms import EmbargoForm, RecipientsForm
from embargoes.models import Embargo, Recipient
from news import services as news_services
from news.models import NewsItem
from news.services import Refused


def embargoable_item(request, pk):
    """The item if `request.user` may embargo it, else 404."""
    item = get_object_or_404(NewsItem.objects.editable_by(request.user), pk=pk)
    if not services.may_embargo(request.user, item):
        raise Http404("No item you may embargo.")
    return item


def share_url(item):
    return reverse("embargoes:share", args=[item.pk])


def share_view(request, pk):
    """GET: the item's embargo, its recipients and their openings. POST: set the embargo."""
    item = embargoable_item(request, pk)
    embargo = Embargo.objects.filter(news=item).first()
    if request.method == "POST":
        form = EmbargoForm(request.POST)
        if form.is_valid():
            try:
                data = form.cleaned_data
                services.set_embargo(item, request.user, data["lifts_at"], data["confirmed"])
            except Refused as refusal:
                form.add_error(None, refusal)
            else:
                item.refresh_from_db()
                messages.success(request, news_services.outcome(item))
                return HttpResponseRedirect(share_url(item))
    else:
        initial = {"lifts_at": embargo.lifts_at if embargo else item.published_at}
        form = EmbargoForm(initial={k: v for k, v in initial.items() if v})
    return render_share(request, item, embargo, form, RecipientsForm())


@require_POST
def add_recipients_view(request, pk):
    item = embargoable_item(request, pk)
    embargo = get_object_or_404(Embargo, news=item)
    form = RecipientsForm(request.POST)
    if form.is_valid():
        try:
            sent = services.add_recipients(embargo, request.user, form.cleaned_data["emails"])
        except Refused as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d recipient was sent a link.",
                    "%(count)d recipients were sent a link.",
                    len(sent),
                )
                % {"count": len(sent)},
            )
            return HttpResponseRedirect(share_url(item))
    return render_share(request, item, embargo, EmbargoForm(), form)


@require_POST
def revoke_view(request, pk, recipient_pk):
    item = embargoable_item(request, pk)
    recipient = get_object_or_404(Recipient, embargo__news=item, pk=recipient_pk)
    services.revoke(recipient, request.user)
    messages.success(request, _("The link of %(email)s no longer works.") % {"email": recipient})
    return HttpResponseRedirect(share_url(item))


def render_share(request, item, embargo, form, recipients_form):
    recipients = []
    if embargo is not None:
        recipients = embargo.recipients.select_related("added_by").prefetch_related(
            Prefetch("openings")
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Share “%(title)s” under embargo") % {"title": item},
        "opts": NewsItem._meta,
        "item": item,
        "embargo": embargo,
        "recipients": recipients,
        "form": form,
        "recipients_form": recipients_form,
        "warnings": news_services.closed_taxonomy(item) if item.is_hidden() else [],
        "missing": item.missing_for_publication() if item.is_hidden() else [],
        "change_url": reverse("admin:news_newsitem_change", args=[item.pk]),
    }
    request.current_app = admin.site.name
    status = 200 if not (form.errors or recipients_form.errors) else 400
    return TemplateResponse(request, "embargoes/admin/share.html", context, status=status)
