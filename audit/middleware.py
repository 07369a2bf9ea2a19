"""Keeps the request being answered where the audit log's receivers can read it: who acts and
from which address. Outside a request (management commands, workers) there is none, and
entries say "system"."""

from contextvars import ContextVar

current_request = ContextVar("audit_current_request", default=None)


class AuditRequestMiddleware:
    """After AuthenticationMiddleware, so that request.user is there when a write is logged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
