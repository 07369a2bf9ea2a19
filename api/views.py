"""/api/v1/: the newsroom's public news and taxonomy as JSON (README, "API").

The news list is the site's list (newsroom/lists.py) read another way: the same filters and
their validation (newsroom.results.Reading.filterset()), the same results, counts and order
from the index of the public news (Results, counting.Selection), the same cards
(read_cards()). Only the paging differs: a cursor (api/cursors.py) instead of page numbers.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from addresses.redirects import current_object
from api import serializers
from api.base import ParameterError, PublicView
from api.cursors import Cursor, InvalidCursor, page
from news.models import RESERVED_SLUGS, NewsItem
from newsroom import facets as news_facets
from newsroom import freshness
from newsroom.cards import read_cards, read_item
from newsroom.facets import PARAMS
from newsroom.filters import SEARCH_MAX_LENGTH, Sort
from newsroom.items import read_page_relations
from newsroom.lists import LIST_PAGE_SIZE
from newsroom.results import Reading, Results
from structures.models import Structure
from taxonomy.models import Country, FieldOfWork, MeetingSeries

MAX_PAGE_SIZE = 100
# The API's own parameters of the news list, besides the site list's filters and sort.
OWN_PARAMETERS = ("facets", "cursor", "page_size")

ERRORS = {
    400: OpenApiResponse(serializers.BadRequestSerializer, "Invalid or unknown parameters."),
    429: OpenApiResponse(serializers.ErrorSerializer, "Too many requests: see Retry-After."),
}
NOT_FOUND = {404: OpenApiResponse(serializers.ErrorSerializer, "No such public item.")}
CONDITIONAL = [
    OpenApiParameter(
        "If-None-Match",
        OpenApiTypes.STR,
        OpenApiParameter.HEADER,
        description="An ETag given before: 304 while nothing public has changed.",
    ),
]


def _terms(name, description):
    return OpenApiParameter(
        name, OpenApiTypes.STR, many=True, explode=True, description=description
    )


LIST_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=f'Search words (web-search syntax: "a phrase", or, -not); at most '
        f"{SEARCH_MAX_LENGTH} characters.",
    ),
    _terms("field", "Field of work slug, with its sub-fields; repeat for any of several."),
    _terms("country", "Country slug; repeat for any of several."),
    OpenApiParameter(
        "group",
        OpenApiTypes.STR,
        many=True,
        explode=True,
        enum=[value for value, _label in Country.Group.choices],
        description="Group of countries: items about any of its members. With `country`, "
        "either one matches (one facet).",
    ),
    _terms("structure", "Issuing structure slug (lead or supporting), with everything under it."),
    OpenApiParameter(
        "kind",
        OpenApiTypes.STR,
        many=True,
        explode=True,
        enum=[value for value, _label in NewsItem.Kind.choices],
    ),
    _terms("meeting", "Meeting series slug."),
    _terms(
        "event",
        "A single meeting with published news: its series' slug and its own, joined by `~` "
        "(`ministerial-council-meetings~vienna-2025`). With `meeting`, either one matches "
        "(one facet).",
    ),
    _terms("tag", "Tag slug."),
    OpenApiParameter(
        "language",
        OpenApiTypes.STR,
        many=True,
        explode=True,
        enum=[code for code, _name in settings.NEWS_LANGUAGES],
        description="The language items are written in. Without it, items in every language "
        "(translations of one another included).",
    ),
    OpenApiParameter("year", OpenApiTypes.INT, description="Year issued (four digits)."),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Issued on or after (YYYY-MM-DD)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Issued on or before (YYYY-MM-DD)."),
    OpenApiParameter(
        "sort",
        OpenApiTypes.STR,
        enum=[value for value, _label in Sort.CHOICES],
        description="Default: relevance with a search, else newest. Relevance without a "
        "search is newest.",
    ),
    OpenApiParameter(
        "facets",
        OpenApiTypes.STR,
        description="Comma-separated parameters whose choices to count, e.g. "
        f"`field,country`: any of {', '.join(PARAMS)}.",
    ),
    OpenApiParameter(
        "cursor",
        OpenApiTypes.STR,
        description="Where the previous page ended: the `next_cursor` of its response.",
    ),
    OpenApiParameter(
        "page_size",
        OpenApiTypes.INT,
        description=f"Items per page, 1 to {MAX_PAGE_SIZE} (default {LIST_PAGE_SIZE}).",
    ),
    *CONDITIONAL,
]


class NewsListView(PublicView):
    """Published news, narrowed by the site list's filters (/news/), newest first."""

    # The list's but its page and whether other languages are shown (the API has no language).
    parameters = freshness.list_parameters() - {"page", news_facets.OTHERS} | set(OWN_PARAMETERS)

    @extend_schema(
        operation_id="news_list",
        summary="Published news, filtered as on /news/",
        description="The filters of the site's news list, with the same names and meaning: "
        "several values of one parameter match any of them (OR), different parameters must "
        "all match (AND); a field of work or a structure includes everything under it. "
        "Pages follow one another by `cursor`: a client walking the archive while news is "
        "published sees no item twice and misses none (sorted by relevance, the cursor is a "
        "position). Unknown parameters, including the site's `page`, are refused with 400. "
        "Drafts, items in review and scheduled items never appear; withdrawn items leave "
        "the list (their page stays: see the item).",
        parameters=LIST_PARAMETERS,
        responses={200: serializers.NewsListSerializer, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    collects_errors = True

    def build(self, request, params):
        errors = dict(self.errors)  # the unknown parameters
        size = _page_size(params, errors)
        wanted = _facets(params, errors)
        filters = params.copy()
        for name in OWN_PARAMETERS:
            filters.pop(name, None)
        reading = Reading(self.state)
        # Every language unless the `language` parameter chooses (the site's lists show the
        # page's language's, by its address; the API has no language of its own).
        filterset = reading.filterset(filters, every_language=True)
        if not filterset.is_valid():
            errors.update({name: list(found) for name, found in filterset.form.errors.items()})
        cursor = None
        if params.get("cursor") and not errors:
            try:
                cursor = Cursor.decode(params["cursor"], filterset.sort)
            except InvalidCursor as error:
                errors["cursor"] = [str(error)]
        if errors:
            raise ParameterError(errors)

        results = Results(filterset, reading)
        branches = [*wanted, "total"]
        if "year" in wanted:
            branches.append("span")
        counts = results.counts(branches)
        ids, following = page(results, results.selection, cursor, size)
        next_url = next_cursor = None
        if following is not None:
            next_cursor = following.encode()
            query = params.copy()
            query["cursor"] = next_cursor
            next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        context = {"request": request}
        return {
            "count": counts["total"],
            "next": next_url,
            "next_cursor": next_cursor,
            "results": serializers.NewsSummarySerializer(
                read_cards(ids), many=True, context=context
            ).data,
            "facets": {name: _choices(filterset, params, counts, name) for name in wanted},
        }


def _page_size(params, errors):
    text = params.get("page_size", "")
    if not text:
        return LIST_PAGE_SIZE
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_PAGE_SIZE:
        return int(text)
    errors["page_size"] = [_("Give a number of items from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}]
    return LIST_PAGE_SIZE


def _facets(params, errors):
    """The parameters named in `facets`, in the order of the table of facets."""
    named = {name.strip() for value in params.getlist("facets") for name in value.split(",")}
    named.discard("")
    unknown = named - set(PARAMS)
    if unknown:
        errors["facets"] = [
            _("These are not facets: %(unknown)s. Choose among %(known)s.")
            % {"unknown": ", ".join(sorted(unknown))[:200], "known": ", ".join(PARAMS)}
        ]
    return [name for name in PARAMS if name in named]


def _choices(filterset, params, counts, name):
    """The choices of parameter `name` with their counts, as the site's list offers them
    (newsroom.facets.offered())."""
    param = PARAMS[name]
    data = filterset.form.cleaned_data
    pairs, _note = news_facets.offered(
        param, filterset.trees, counts, data.get(name), counts.get("span", (None, None))
    )
    numbers = counts[name]
    if param.model:
        numbers = {pk: n for pk, _slug, _label, n in numbers}
    chosen = set(params.getlist(name))
    return [
        {
            "value": str(value),
            "label": str(label),
            "count": numbers.get(key, 0),
            "selected": str(value) in chosen,
            "depth": depth,
        }
        for key, value, label, depth in pairs
    ]


class NewsItemView(PublicView):
    """One item with every public field."""

    parameters = frozenset({"language"})

    @extend_schema(
        operation_id="news_item",
        summary="A news item with every public field",
        description="Published items, and withdrawn ones with their withdrawal notice. "
        "Drafts, items in review and scheduled items answer 404. A slug the item had "
        "answers 301 to its current address.",
        parameters=[
            OpenApiParameter(
                "language",
                OpenApiTypes.STR,
                enum=[code for code, _name in settings.NEWS_LANGUAGES],
                description="Slugs are unique per language: the item in this language, "
                "when items in several share the slug (default: the site's default).",
            ),
            *CONDITIONAL,
        ],
        responses={
            200: serializers.NewsItemSerializer,
            301: OpenApiResponse(description="A former slug: Location is the item's address."),
            **NOT_FOUND,
            **ERRORS,
        },
    )
    def get(self, request, **kwargs):
        try:
            return super().get(request, **kwargs)
        except NotFound:
            # Only once the slug is nobody's current one, as on the site (addresses/).
            moved = current_object(NewsItem.objects.public_pages(), kwargs["slug"])
            if moved is None or moved.slug in RESERVED_SLUGS:
                raise
            try:
                address = reverse("api:news-detail", args=[moved.slug])
            except NoReverseMatch:  # a slug written by QuerySet.update()
                raise NotFound(_("No news item has this address.")) from None
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(address + (f"?{query}" if query else ""))

    def build(self, request, params, slug):
        # Slugs are unique per language: `language` chooses among items sharing one.
        item = read_item(slug, language=params.get("language"))
        if item is None or not item.has_public_page():
            raise NotFound(_("No news item has this address."))
        read_page_relations(item)
        return serializers.NewsItemSerializer(item, context={"request": request}).data


# The taxonomy.


class TermsView(PublicView):
    serializer = None

    def build(self, request, params):
        terms = self.terms()
        context = {"request": request}
        return {
            "count": len(terms),
            "results": self.serializer(terms, many=True, context=context).data,
        }


def _with_depths(ordered):
    for node, depth in ordered:
        node.depth = depth
    return [node for node, _depth in ordered]


class FieldOfWorkListView(TermsView):
    serializer = serializers.FieldOfWorkSerializer

    @extend_schema(
        operation_id="fields_of_work",
        summary="Fields of work, as a tree",
        description="Depth-first: each field after its parent. Their slugs are the news "
        "list's `field` values.",
        parameters=CONDITIONAL,
        responses={200: serializers.FieldOfWorkList, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def terms(self):
        return _with_depths(FieldOfWork.objects.select_related("parent").in_tree_order())


class MeetingSeriesListView(TermsView):
    serializer = serializers.MeetingSeriesSerializer

    @extend_schema(
        operation_id="meeting_series",
        summary="Meeting and conference series",
        description="Their slugs are the news list's `meeting` values.",
        parameters=CONDITIONAL,
        responses={200: serializers.MeetingSeriesList, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def terms(self):
        return list(MeetingSeries.objects.all())


class CountryListView(TermsView):
    serializer = serializers.CountrySerializer

    @extend_schema(
        operation_id="countries",
        summary="Countries and their groups",
        description="Participating States and Partners for Co-operation. Their slugs are the "
        "news list's `country` values, the groups' values its `group` values.",
        parameters=CONDITIONAL,
        responses={200: serializers.CountryList, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def terms(self):
        return list(Country.objects.all())

    def build(self, request, params):
        data = super().build(request, params)
        countries = self.terms()
        data["groups"] = [
            {
                "value": value,
                "label": str(news_facets.GROUP_NAMES.get(value, label)),
                "countries": [country.slug for country in countries if country.group == value],
            }
            for value, label in Country.Group.choices
        ]
        return data


class StructureListView(TermsView):
    serializer = serializers.StructureSerializer

    @extend_schema(
        operation_id="structures",
        summary="Structures and institutions, as a tree",
        description="Depth-first: each structure after its parent, with its children, its "
        "kind and the names it was known by. Closed field activities are kept for the "
        "record (`is_active` false). Their slugs are the news list's `structure` values.",
        parameters=CONDITIONAL,
        responses={200: serializers.StructureList, **ERRORS},
    )
    def get(self, request, **kwargs):
        return super().get(request, **kwargs)

    def terms(self):
        structures = _with_depths(
            Structure.objects.select_related("parent", "host_country", "successor")
            .prefetch_related("former_names")
            .in_tree_order()
        )
        children = {}
        for structure in structures:
            children.setdefault(structure.parent_id, []).append(structure.slug)
        for structure in structures:
            structure.children_slugs = children.get(structure.pk, [])
        return structures


class NotFoundView(APIView):
    """Any other address under /api/: a JSON 404."""

    http_method_names = ["get", "head", "options"]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        raise NotFound(_("There is nothing at this address: see the documentation, /api/v1/docs/."))


class DocsView(SpectacularSwaggerSplitView):
    """The API's documentation page (Swagger UI), every asset served by the site, its script
    a file (the site's Content-Security-Policy allows no inline script or style)."""

    authentication_classes = ()
    template_name = "api/swagger_ui.html"
    url_name = "api:schema"
    title = "OSCE newsroom API"
