"""/news/: the list of published items, narrowed by the filters, with facet counts."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from news import search
from news.models import NewsItem
from newsroom import facets, freshness
from newsroom.filters import NewsFilter, Sort, Trees

LIST_PAGE_SIZE = 20


def news_list(request):
    """/news/: published items narrowed by the filters in the URL, with facet counts.

    Invalid filters answer 400 with the page, the errors beside the filters and no results;
    a page number that is malformed (400) or past the end (404) gets a message, never a 500.
    The facet counts and the number of results come from the cache while nothing public has
    changed (news/freshness.py); a visitor's copy of an unchanged page gets a 304.
    """
    state = freshness.current()
    return freshness.respond(request, state, lambda: list_response(request, state))


def list_response(request, state):
    params = request.GET
    trees = Trees.load(state)
    filterset = NewsFilter(params, queryset=NewsItem.objects.published(), trees=trees)
    valid = filterset.is_valid()
    if valid:
        counts = facets.count(filterset, trees, state)
        span = counts["span"]
    else:
        counts, span = None, facets.count(filterset, trees, state, branches=["span"])["span"]
    choices = facets.build(filterset, params, trees, counts, span)
    context = {
        "filterset": filterset,
        "errors": filterset.form.errors,
        "error_summary": facets.error_summary(filterset),
        "params": params,
        "facets": choices,
        "active_filters": facets.active_filters(filterset, params, choices),
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

    paginator = Paginator(CountedResults(filterset, counts["total"], state), LIST_PAGE_SIZE)
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


class CountedResults:
    """The results of a FilterSet for the Paginator: their number is known already (counted
    with the facets), and a page is read with one query (NewsFilter.page())."""

    def __init__(self, filterset, total, state=None):
        self.filterset, self.total, self.state = filterset, total, state

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.filterset.page(index.start, index.stop, self.state)
