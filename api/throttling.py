"""The API's per-client rate limit: API_RATE requests per client address, counted in the
"default" cache (Redis in production), so that the limit holds across workers and servers.

A client over the limit gets 429 with Retry-After (DRF's Throttled). With the cache away
(osce_cms/cache.py answers misses), nothing is counted and requests go through: the limit is
a protection, not a reason to fail.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from osce_cms.security import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    """API_RATE ("number/period", period s, m, h or d) per client address
    (osce_cms.security.client_ip: REMOTE_ADDR, or the address the trusted proxies saw)."""

    scope = "api"

    def get_rate(self):
        # Read at each request, not at import: the setting comes from the environment.
        return settings.API_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request)}


class SearchRateThrottle(ClientRateThrottle):
    """Searches (`?q=…`) also count against the site's own search limit, NEWS_SEARCH_RATE, so
    the API is no way around it."""

    scope = "api-search"

    def get_rate(self):
        return settings.NEWS_SEARCH_RATE

    def get_cache_key(self, request, view):
        try:
            searching = request.query_params.get("q", "").strip()
        except Exception:  # unreadable parameters: refused by the view, nothing to count
            return None
        return super().get_cache_key(request, view) if searching else None
