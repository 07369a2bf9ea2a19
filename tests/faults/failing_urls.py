"""The site's URLs plus views and a middleware that raise what they are given."""

from django.urls import path

from osce_cms.urls import handler500  # noqa: F401 (the resolver reads it from this module)
from osce_cms.urls import urlpatterns as site_urlpatterns

# What the next request to /raise/ or /raise-in-middleware/ raises.
raised = []


def raise_it(request):
    raise raised[0]


class RaisingMiddleware:
    """Raises outside the view, as a session or sign-in check meeting the database would."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/raise-in-middleware/":
            raise raised[0]
        return self.get_response(request)


urlpatterns = [*site_urlpatterns, path("raise/", raise_it)]
