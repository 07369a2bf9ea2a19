"""What every request and response goes through on the open internet: the methods and body
sizes the site accepts, the client's address behind a proxy, and the security headers
(Content-Security-Policy, Cross-Origin-Resource-Policy, Permissions-Policy).
"""

import base64
import gzip
import hashlib
import ipaddress
import re
from functools import cached_property

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.translation import gettext as _

SAFE_METHODS = ("GET", "HEAD")


# The email alerts' pages, in any language (/en/alerts/…), or unprefixed (redirected).
_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_ALERTS = re.compile(rf"^/(?:(?:{_LANGUAGE_CODES})/)?alerts/")


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
    address the outermost of them saw, read from the right of X-Forwarded-For (what is left
    of it was written by the client and can say anything)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    ]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class RequestLimitsMiddleware:
    """Refuses, before anything reads the request body, what the site never has to accept.

    - Methods: GET and HEAD everywhere, POST in the admin and email alerts' forms only;
      anything else (TRACE, TRACK, CONNECT, OPTIONS, PUT…) answers 405.
    - Bodies: a Content-Length over the limit (ADMIN_REQUEST_BODY_MAX_BYTES in the admin,
      REQUEST_BODY_MAX_BYTES elsewhere) answers 413, and a body without a Content-Length
      (chunked) 411. Django reads no more than the Content-Length of a body (nothing without
      one), so what is not refused here is never read past its announced length.

    First in MIDDLEWARE, so that nothing before it touches the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def __call__(self, request):
        in_admin = request.path_info.startswith(self.admin_prefix)
        allowed = [*SAFE_METHODS, "POST"] if in_admin else list(SAFE_METHODS)
        if request.path_info.startswith("/api/"):
            allowed.append("OPTIONS")  # CORS preflights, answered by CorsMiddleware (api/)
        if _ALERTS.match(request.path_info):
            allowed.append("POST")  # alerts' sign-up and signed links' forms (alerts/views.py)
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)

        limit = (
            settings.ADMIN_REQUEST_BODY_MAX_BYTES if in_admin else settings.REQUEST_BODY_MAX_BYTES
        )
        length = request.META.get("CONTENT_LENGTH") or ""
        if length:
            try:
                size = int(length)
            except ValueError:
                size = -1
            if size < 0:
                return _plain(_("The Content-Length of this request is not valid."), 400)
            if size > limit:
                return _plain(
                    _(
                        "This request is too large: the most this page accepts is %(limit)s MB. "
                        "Go back: your text is still in the form; attach large files one at a "
                        "time."
                    )
                    % {"limit": f"{limit / 1024 / 1024:.1f}"},
                    413,
                )
        elif "HTTP_TRANSFER_ENCODING" in request.META:
            return _plain(_("A request body needs a Content-Length."), 411)
        return self.get_response(request)


def _plain(text, status):
    return HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8")


# An import map: JSON naming the URLs of JavaScript modules, run by no browser, but an inline
# script for CSP. The rich-text editor's widget writes one into the admin's pages.
IMPORT_MAP = re.compile(rb'<script type="importmap">(.*?)</script>', re.DOTALL)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy, plus Cross-Origin-Resource-Policy
    and Permissions-Policy on every response.

    The admin's policy (ADMIN_CONTENT_SECURITY_POLICY) allows inline styles (the rich-text
    editor injects <style> elements) and the import maps of the page by their hashes; an
    import map can only point module names at URLs that script-src allows anyway.
    """

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(self.admin_prefix)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            hashes = _import_map_hashes(response)
            if hashes:
                parts.update = {**(parts.update or {}), "script-src": hashes}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def _import_map_hashes(response):
    """The hashes of the page's import maps, as the browser computes them: of the page it
    reads, which GZipMiddleware (inner to this one) may have compressed already."""
    if response.streaming or "html" not in response.get("Content-Type", ""):
        return []
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError):
            return []
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(found).digest()).decode()}'"
        for found in IMPORT_MAP.findall(content)
    ]
