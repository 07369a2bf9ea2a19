"""/news/: the list of published items, narrowed by the filters, with facet counts."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import View

from news import search
from newsroom import facets
from newsroom.filters import Sort
from newsroom.public import PublicPageMixin
from newsroom.results import Reading, Results

LIST_PAGE_SIZE = 20


class NewsListView(PublicPageMixin, View):
    """/news/: published items narrowed by the filters in the URL, with facet counts.

    Invalid filters answer 400 with the page, the errors beside the filters and no results;
    a page number that is malformed (400) or past the end (404) gets a message, never a 500.
    The facet counts and the number of results come from the cache while nothing public has
    changed (newsroom/freshness.py); a visitor's copy of an unchanged page gets a 304.
    """

    http_method_names = ["get", "head"]
    parameters = None  # the news list's own: its filters, page and sort

    def get(self, request):
        reading = Reading(self.state)
        filterset = reading.filterset(request.GET)
        return list_response(request, filterset, Results(filterset, reading))


news_list = NewsListView.as_view()


def list_response(request, filterset, results):
    params = request.GET
    valid = filterset.is_valid()
    if valid:
        counts = results.counted
        shown = facets.build(filterset, params, counts)
    else:
        shown = facets.build(filterset, params, span=results.counts(["span"])["span"])
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "errors": filterset.form.errors,
        "error_summary": facets.error_summary(filterset),
        "params": params,
        "facets": shown,
        "active_filters": facets.active_filters(filterset, params, shown),
        "sort_choices": [
            (value, label)
            for value, label in Sort.CHOICES
            if value != Sort.RELEVANCE or filterset.form.cleaned_data.get("q")
        ],
        "summary": filterset.summary() if valid else [],
        "valid": valid,
    }
    if not valid:
        return render(request, "newsroom/list.html", context, status=400)

    paginator = Paginator(results, LIST_PAGE_SIZE)
    feed_query = facets.url_with(params, sort=None)
    context.update(
        paginator=paginator,
        sort=filterset.sort,
        rss_url=reverse("news:rss") + feed_query,
        atom_url=reverse("news:atom") + feed_query,
    )
    try:
        page = paginator.page(params.get("page") or 1)
    except PageNotAnInteger:
        context["page_error"] = _("“%(page)s” is not a page number.") % {
            "page": Truncator(params.get("page")).chars(20)
        }
        return render(request, "newsroom/list.html", context, status=400)
    except EmptyPage:
        context["page_error"] = ngettext(
            "There is no page %(page)s: these results fit on %(pages)d page.",
            "There is no page %(page)s: these results fit on %(pages)d pages.",
            paginator.num_pages,
        ) % {"page": Truncator(params.get("page")).chars(20), "pages": paginator.num_pages}
        return render(request, "newsroom/list.html", context, status=404)

    items = page.object_list
    snippets = search.snippets(items, filterset.search_text) if filterset.search_text else {}
    context.update(
        page_obj=page,
        page_range=list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
        cards=[(item, snippets.get(item.pk)) for item in items],
    )
    return render(request, "newsroom/list.html", context)
