"""The base of the API's views: what the public may see, read-only, answered with ETags.

Every response is made in the current publication state (newsroom/freshness.py), as the
site's pages are: its ETag names the state, the address and its canonical parameters, so a
client's copy is answered with 304 while nothing public has changed. Parameters a view does
not know are refused with 400 (a misspelt filter must not silently return everything).
Nothing here reads a session or sets a cookie.
"""

import time

from django.core.exceptions import TooManyFieldsSent
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from newsroom import freshness

# Changes every ETag when what the API answers changes shape.
VERSION = "v1"


class ParameterError(APIException):
    """400, naming each parameter that is wrong: {"detail": …, "errors": {name: [message]}}."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors):
        super().__init__(
            {"detail": _("Some parameters are not valid."), "errors": errors}, self.default_code
        )


def query_params(request):
    """The request's query parameters; 400 when there are too many to read."""
    try:
        return request.query_params
    except TooManyFieldsSent:
        raise ParameterError({"query": [_("This address has too many parameters.")]}) from None


class PublicView(APIView):
    """A read-only view of public data: GET and HEAD (OPTIONS is the CORS preflight).

    `parameters` names the query parameters the view accepts; `build(request, params,
    **kwargs)` makes the response's data, or raises ParameterError.
    """

    http_method_names = ["get", "head", "options"]
    parameters = frozenset()
    # Whether build() refuses unknown parameters (`self.errors`) with its own errors, so that
    # one 400 names every wrong parameter.
    collects_errors = False

    def initial(self, request, *args, **kwargs):
        query_params(request)  # a 400 before content negotiation reads too many parameters
        super().initial(request, *args, **kwargs)

    def get(self, request, **kwargs):
        params = query_params(request)
        unknown = sorted(set(params) - set(self.parameters))
        message = _("This parameter is unknown here: see the documentation.")
        self.errors = {name[:50]: [message] for name in unknown[:20]}
        if self.errors and not self.collects_errors:
            raise ParameterError(self.errors)
        self.state = freshness.current()
        query = freshness.canonical_query(params, self.parameters).urlencode()
        parts = (VERSION, freshness.release(), get_language(), request.path, query)
        etag = self.state.etag("api", *parts)
        if not self.errors and _etag_matches(request, etag):
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        else:
            response = Response(self.build(request, params, **kwargs))
            if _is_current(request, etag, self.state.modified):
                response = Response(status=status.HTTP_304_NOT_MODIFIED)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(min(self.state.modified, int(time.time())))
        patch_cache_control(response, public=True, max_age=freshness.PUBLIC_MAX_AGE)
        return response

    def build(self, request, params, **kwargs):
        raise NotImplementedError


def _etag_matches(request, etag):
    header = request.headers.get("If-None-Match")
    if header is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in tags


def _is_current(request, etag, modified):
    """Whether the client's copy of a response known to be a 200 is current: If-None-Match
    when given (`*` included), else If-Modified-Since, ignored when it is in the future."""
    if request.headers.get("If-None-Match") is not None:
        return request.headers["If-None-Match"].strip() == "*" or _etag_matches(request, etag)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since <= time.time()
