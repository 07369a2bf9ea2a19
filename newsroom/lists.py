"""/news/: the list of published items, narrowed by the filters, with facet counts."""

from urllib.parse import parse_qsl

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import get_format
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

    def dispatch(self, request, *args, **kwargs):
        """An address whose list parameters are not as the site writes them (empty ones, a
        repeated value, another order, the default sort, page 1) is redirected to the one
        that is (facets.query()): one view, one address. Unknown parameters are left alone
        (ignored, and not linked from the page)."""
        if request.method in ("GET", "HEAD"):
            redirect = canonical_redirect(request)
            if redirect is not None:
                return redirect
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        reading = Reading(self.state)
        filterset = reading.filterset(request.GET)
        return list_response(request, filterset, Results(filterset, reading))


news_list = NewsListView.as_view()


def canonical_redirect(request):
    """A permanent redirect to the canonical address of the list `request` asks for, or None
    when it asks for it already (whatever else its query has)."""
    known = set(facets.order())
    given = [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if name in known
    ]
    canonical = facets.pairs(request.GET)
    if given == canonical:
        return None
    return HttpResponsePermanentRedirect(request.path + facets.query(request.GET))


def sort_choices(searched):
    """[(value, label)] of the sort control: the default order's value is empty, so that a
    new search sent with the unchanged control is ordered by relevance, and a list sent so
    has no `sort` in its address."""
    default = Sort.RELEVANCE if searched else Sort.NEWEST
    return [
        ("" if value == default else value, label)
        for value, label in Sort.CHOICES
        if value != Sort.RELEVANCE or searched
    ]


def indexed(params, page_number):
    """Whether search engines may index this view of the list: the list itself (every page)
    and the first page of one filter value; not a search, two or more filter values, a
    later page of a filtered list, or another sort."""
    values = [(name, value) for name, value in facets.pairs(params) if name != "page"]
    if any(name in ("q", "sort") for name, _value in values) or len(values) > 1:
        return False
    return not values or page_number == 1


def list_response(request, filterset, results):
    params = request.GET
    valid = filterset.is_valid()
    given = facets.pairs(params)
    chosen = [name for name, _value in given if name not in ("q", "sort", "page")]
    searched = any(name == "q" for name, _value in given)
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
        "sort_choices": sort_choices(searched),
        "summary": filterset.summary() if valid else [],
        "valid": valid,
        "filter_count": len(chosen),
        "canonical_url": request.build_absolute_uri(reverse("news:list") + facets.query(params)),
        "index": False,
        "first_page_url": facets.list_url(params),
    }
    if not valid:
        return render(request, "newsroom/list.html", context, status=400)

    paginator = Paginator(results, LIST_PAGE_SIZE)
    feed_query = facets.url_with(params, sort=None)
    context.update(
        paginator=paginator,
        sort=filterset.sort,
        sort_value=params.get("sort", ""),  # the control's: empty for the default order
        rss_url=reverse("news:rss") + feed_query,
        atom_url=reverse("news:atom") + feed_query,
        alert_url=reverse("alerts:signup") + feed_query,
        count_text=facets.grouped(paginator.count, get_format("THOUSAND_SEPARATOR")),
    )
    if paginator.num_pages > 1:
        context["last_page_url"] = reverse("news:list") + facets.query(
            params, page=[str(paginator.num_pages)]
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
        index=indexed(params, page.number),
        pages_text=facets.grouped(paginator.num_pages, get_format("THOUSAND_SEPARATOR")),
    )
    return render(request, "newsroom/list.html", context)
